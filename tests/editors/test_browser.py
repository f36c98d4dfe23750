"""The editorial journey in a real browser: an editor's Chinese page, moderated, then
translated into English by a translator and moderated again."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from tests.builders import make_red_site_index
from tourism.models import RedSitePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "枣园革命旧址"
ENGLISH = {
    TITLE: "Zaoyuan Revolutionary Site",
    "中共中央书记处旧址。": "Former seat of the CPC Central Secretariat.",
    "宝塔区": "Baota District",
}
ENGLISH_URL = "/en/red-sites/zaoyuan-geming-jiuzhi/"


def log_in(page, user):
    """Whoever was logged in leaves; `user` logs in through the admin's login form."""
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "password")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def approve_from_dashboard(page, title):
    """The moderator's "Approve" on the page's row in Wagtail's "Awaiting your review"."""
    row = page.locator("#awaiting-review-section tr", has_text=title)
    row.locator(".w-dropdown__toggle").click()
    row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    expect(page.locator("#awaiting-review-section tr", has_text=title)).to_have_count(0)


def test_chinese_page_moderated_then_translated_and_moderated_in_english(
    browser_page, live_server, demo, live_home_page, yanan_editor, moderator, translator
):
    page = browser_page
    index = make_red_site_index(demo, live_home_page)

    # 1. The Yan'an editor writes a red site in Chinese and submits it.
    log_in(page, yanan_editor)
    page.goto(f"/admin/pages/add/tourism/redsitepage/{index.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "中共中央书记处旧址。")
    page.select_option("#id_city", "yanan")
    page.fill("#id_county", "宝塔区")
    page.fill("#id_latitude", "36.620000")
    page.fill("#id_longitude", "109.430000")
    page.locator("footer .w-dropdown__toggle").click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    chinese = RedSitePage.objects.get(title=TITLE)
    assert chinese.slug == TITLE  # Wagtail's slug from the Chinese title
    assert not chinese.live

    # 2. The moderator approves it: the Chinese page is published.
    log_in(page, moderator)
    approve_from_dashboard(page, TITLE)
    page.context.clear_cookies()
    assert page.request.get(chinese.url).status == 200

    # 3. The translator starts the English translation from the page's actions.
    log_in(page, translator)
    page.goto(f"/admin/pages/{index.pk}/")
    row = page.locator("tr", has_text=TITLE)
    row.locator(".w-dropdown__toggle").click()
    row.locator(f"a[href='/admin/localize/submit/page/{chinese.pk}/']").click()
    english_locale = Locale.objects.get(language_code="en")
    page.check(f"input[name=locales][value='{english_locale.pk}']")
    page.locator("main input[type=submit]").click()
    # wagtail-localize opens its editor on the new English draft.
    english = chinese.get_translation(english_locale)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{english.pk}/edit/"))

    # Each string through the editor's own endpoint, with the translator's session.
    translation = Translation.objects.get(
        source__object_id=chinese.translation_key, target_locale=english_locale
    )
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        if segment.context.path == "slug":
            continue  # left to the site: it becomes pinyin
        response = page.request.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            form={"value": ENGLISH[segment.string.data]},
            headers={"X-CSRFToken": csrf, "Referer": live_server.url + page.url},
        )
        assert response.ok, segment.string.data

    # ... and sends the English page to moderation.
    page.goto(f"/admin/editorial/translations/{english.pk}/submit/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Zaoyuan Revolutionary Site")

    # Not live before the moderator approves it.
    page.context.clear_cookies()
    assert page.request.get(ENGLISH_URL).status == 404

    # 4. The moderator approves the English page: live, in English, at a pinyin URL.
    log_in(page, moderator)
    approve_from_dashboard(page, "Zaoyuan Revolutionary Site")
    page.context.clear_cookies()
    page.goto(ENGLISH_URL)
    expect(page.locator("h1")).to_have_text("Zaoyuan Revolutionary Site")
