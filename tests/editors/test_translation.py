"""Chinese is the source, English the target: what is synchronised, and how translators work."""

import json
import re
from decimal import Decimal

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.localize import ascii_slug
from tests.builders import act
from tests.utils import assert_refused, english_of
from tourism.models import RedSitePage

pytestmark = pytest.mark.django_db


def translation_of(page):
    english = english_of(page)
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english.locale
    )


def test_numbers_and_images_follow_the_source_text_stays_english(demo, red_site):
    new_image = demo.image(
        "baota-night", {"zh": "宝塔山夜景", "en": "Baota Hill at night"}, size=(320, 180)
    )
    red_site.latitude = Decimal("36.600000")
    red_site.image = new_image
    red_site.save_revision(user=demo.user).publish(user=demo.user)

    source = TranslationSource.objects.get(object_id=red_site.translation_key)
    source.update_from_db()
    translation_of(red_site).save_target(user=demo.user, publish=True)

    english = english_of(red_site)
    assert english.latitude == Decimal("36.600000")
    assert english.image_id == new_image.pk
    assert english.title == "Baota Hill"
    assert english.summary == "The landmark of Yan'an."


def test_translator_works_offline_with_a_po_file(
    client, translator, moderator, routes, django_capture_on_commit_callbacks
):
    route = routes["yanan"]
    translation = translation_of(route)
    client.force_login(translator)

    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    entry = next(e for e in po if e.msgid == "延安一日游")
    assert entry.msgstr == "A day in Yan'an"
    entry.msgstr = "One day in Yan'an"

    upload = SimpleUploadedFile("route.po", str(po).encode(), content_type="text/x-gettext")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302

    # The translator cannot publish; they send the English page to moderation.
    english = english_of(route)
    confirm = client.get(f"/admin/editorial/translations/{english.pk}/submit/")
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.content.decode()
    response = client.post(f"/admin/editorial/translations/{english.pk}/submit/")
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.title == "A day in Yan'an"  # live version unchanged until approval
    assert english.get_latest_revision().as_object().title == "One day in Yan'an"
    state = WorkflowState.objects.get(object_id=str(english.pk), status="in_progress")
    assert state.requested_by == translator

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, english, state, "approve")
    english.refresh_from_db()
    assert english.live and english.title == "One day in Yan'an"
    route.refresh_from_db()
    assert route.title == "延安一日游"


def test_po_upload_for_another_translation_is_refused(client, translator, routes):
    client.force_login(translator)
    yanan, wuxi = translation_of(routes["yanan"]), translation_of(routes["wuxi"])
    po = client.get(f"/admin/localize/translate/{wuxi.pk}/pofile/download/").content
    upload = SimpleUploadedFile("wuxi.po", po, content_type="text/x-gettext")
    response = client.post(
        f"/admin/localize/translate/{yanan.pk}/pofile/upload/",
        {"file": upload, "next": "/admin/"},
        follow=True,
    )
    assert "Cannot import PO file" in response.content.decode() or "不能" in (
        response.content.decode()
    )
    assert english_of(routes["yanan"]).title == "A day in Yan'an"


def test_submit_translation_refuses_chinese_pages_and_other_roles(
    client, translator, wuxi_editor, routes
):
    client.force_login(translator)
    response = client.post(f"/admin/editorial/translations/{routes['yanan'].pk}/submit/")
    assert response.status_code == 403
    client.force_login(wuxi_editor)
    english = english_of(routes["yanan"])
    response = client.post(f"/admin/editorial/translations/{english.pk}/submit/")
    assert response.status_code == 403
    assert not WorkflowState.objects.filter(object_id=str(english.pk)).exists()


def test_translated_page_shows_the_submit_button(client, translator, routes):
    client.force_login(translator)
    english = english_of(routes["yanan"])
    button = f"/admin/editorial/translations/{english.pk}/submit/"
    assert button in client.get(f"/admin/pages/{english.pk}/").content.decode()
    # Not offered on the Chinese source.
    source = routes["yanan"]
    assert (
        "/admin/editorial/translations/"
        not in client.get(f"/admin/pages/{source.pk}/").content.decode()
    )


def _string_comments(client, page):
    """The notes under each string in wagtail-localize's translation editor of `page`."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    props = json.loads(response.context["props"])
    return {t["comment"] for t in props["initialStringTranslations"]}


def test_translation_editor_dates_are_in_the_translators_language(client, translator, routes):
    english = english_of(routes["yanan"])
    translated = StringTranslation.objects.filter(locale=english.locale).latest("updated_at")
    day = timezone.localtime(translated.updated_at)
    client.force_login(translator)

    # The admin speaks Chinese to a new user: a Chinese date, not "2 December 2026".
    assert f"手工翻译于 {day.year}年{day.month}月{day.day}日" in _string_comments(client, english)

    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "en"
    profile.save()
    comments = _string_comments(client, english)
    # Django's English date ("Dec. 2, 2026", "May 2, 2026"), not strftime's "2 December 2026".
    assert any(
        re.fullmatch(rf"Translated manually on [A-Z][a-z]+\.? {day.day}, {day.year}", comment)
        for comment in comments
    ), comments


def test_translators_cannot_sync_translations(client, translator, routes):
    """Syncing may publish English pages at once, bypassing moderation: moderators only.

    Starting a translation is the translators' (tests/editors/test_permissions.py):
    it makes a draft.
    """
    client.force_login(translator)
    source = TranslationSource.objects.get(object_id=routes["yanan"].translation_key)
    assert_refused(client.get(f"/admin/localize/update/{source.pk}/"))


def test_chinese_slugs_become_pinyin():
    assert ascii_slug("枣园革命旧址") == "zaoyuan-geming-jiuzhi"
    assert ascii_slug("无锡·东林书院") == "wuxi-donglin-shuyuan"
    assert ascii_slug("绿色") == "lvse"
    assert ascii_slug("baota") == "baota"


def test_english_translation_of_a_chinese_slug_gets_a_pinyin_slug(
    client, translator, moderator, red_site, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    index = red_site.get_parent()
    # Two Chinese slugs with the same pinyin: the second English slug is numbered.
    pages = []
    for slug in ("枣园革命旧址", "枣园-革命旧址"):
        page = RedSitePage(
            title="枣园革命旧址", slug=slug, summary="中共中央书记处旧址。", county="宝塔区",
            city="yanan", latitude=Decimal("36.62"), longitude=Decimal("109.43"),
            locale=red_site.locale,
        )  # fmt: skip
        index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)

    client.force_login(translator)
    for page in pages:
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]})
        assert response.status_code == 302
    drafts = [page.get_translation(english) for page in pages]
    assert [draft.slug for draft in drafts] == ["zaoyuan-geming-jiuzhi", "zaoyuan-geming-jiuzhi-1"]
    assert not drafts[0].live

    # The string editor leaves the slug untranslated, so the revision sent to
    # moderation falls back to the Chinese slug: it is turned into pinyin again.
    response = client.post(f"/admin/editorial/translations/{drafts[0].pk}/submit/")
    assert response.status_code == 302
    client.force_login(moderator)
    state = WorkflowState.objects.get(object_id=str(drafts[0].pk), status="in_progress")
    with django_capture_on_commit_callbacks(execute=True):
        act(client, drafts[0], state, "approve")
    client.logout()
    assert client.get("/en/red-sites/zaoyuan-geming-jiuzhi/").status_code == 200
    assert english_of(pages[0]).url == "/en/red-sites/zaoyuan-geming-jiuzhi/"
    # An ASCII slug is the English slug as it is.
    assert english_of(red_site).slug == "baota"
