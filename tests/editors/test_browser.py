"""The editorial journey in a real browser: an editor's Chinese page, moderated, then
translated into English by a translator and moderated again."""

import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect
from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile

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


#: English that Wagtail's and wagtail-localize's zh_Hans catalogues, or their code, left
#: on the Chinese admin's screens (the dashboard's "96 Pages", the editor's "Insert a block").
ADMIN_ENGLISH = [
    "Pages",
    "Exploring",
    "Actions",
    "Insert a block",
    "Toggle checks",
    "Layout",
    "Privacy and access",
    "More actions",
    "Translated manually",
    "to English translation",
]
SHOWN_ENGLISH = """words => {
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
        .filter(e => e.checkVisibility())
        .flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a) || ''));
    const shown = [document.body.innerText, ...labels].join('\\n');
    return words.filter(word => shown.includes(word));
}"""


def english_shown(page):
    """Which of ADMIN_ENGLISH the screen shows, read or heard (labels of visible elements)."""
    return page.evaluate(SHOWN_ENGLISH, ADMIN_ENGLISH)


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
    browser_page, demo, live_home_page, yanan_editor, moderator, translator
):
    page = browser_page
    index = make_red_site_index(demo, live_home_page)

    # 1. The Yan'an editor writes a red site in Chinese and submits it.
    log_in(page, yanan_editor)
    assert english_shown(page) == []  # the dashboard
    page.goto(f"/admin/pages/add/tourism/redsitepage/{index.pk}/")
    assert english_shown(page) == []
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
    assert english_shown(page) == []  # the explorer
    row = page.locator("tr", has_text=TITLE)
    row.locator(".w-dropdown__toggle").click()
    row.locator(f"a[href='/admin/localize/submit/page/{chinese.pk}/']").click()
    english_locale = Locale.objects.get(language_code="en")
    page.check(f"input[name=locales][value='{english_locale.pk}']")
    page.locator("main input[type=submit]").click()
    # wagtail-localize opens its editor on the new English draft.
    english = chinese.get_translation(english_locale)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{english.pk}/edit/"))

    # The translator fills each string in wagtail-localize's editor (a React
    # app) and saves it. The slug is left alone: the site makes it pinyin.
    for source, text in ENGLISH.items():
        # A segment is a list item classed by its state. The title's text is
        # the slug's too; the slug's segment comes last, on the SEO tab.
        segment = (
            page.locator("li:is(.incomplete, .complete, .errored)")
            .filter(has=page.get_by_text(source, exact=True))
            .first
        )
        segment.get_by_role("button", name="翻译").click()
        segment.locator("textarea").fill(text)
        segment.get_by_role("button", name="保存").click()
        expect(segment.get_by_role("button", name="编辑")).to_be_visible()
        expect(segment).to_contain_text(text)

    # The editor speaks Chinese, its dates too, even where wagtail-localize
    # wrote English into its code rather than its catalogue.
    editor = page.locator(".js-translation-editor")
    today = timezone.localdate()
    expect(editor).to_contain_text(f"手工翻译于 {today.year}年{today.month}月{today.day}日")
    expect(editor).to_contain_text("从简体中文翻译为English")
    assert english_shown(page) == []
    # In the English admin it speaks English, its dates too.
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "en"
    profile.save()
    page.reload()
    with translation.override("en"):
        expect(editor).to_contain_text(f"Translated manually on {date_format(today)}")
    expect(editor).to_contain_text("简体中文 to English translation")
    profile.preferred_language = ""
    profile.save()
    page.reload()

    # ... and sends the English page to moderation: the footer's main action.
    main_action = editor.locator("footer .w-dropdown-button > :first-child").first
    expect(main_action).to_have_text("提交英文译文审核")
    main_action.click()
    expect(page.locator(".messages")).to_contain_text("Zaoyuan Revolutionary Site")
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Not live before the moderator approves it, though its URL is settled.
    english.refresh_from_db()
    assert english.url == ENGLISH_URL and not english.live
    page.context.clear_cookies()
    assert page.request.get(ENGLISH_URL).status == 404

    # 4. The moderator approves the English page: live, in English, at a pinyin URL.
    log_in(page, moderator)
    approve_from_dashboard(page, "Zaoyuan Revolutionary Site")
    page.context.clear_cookies()
    assert page.goto(ENGLISH_URL).status == 200
    expect(page.locator("h1")).to_have_text("Zaoyuan Revolutionary Site")
