"""Done means: a Yan'an editor drafts a route and submits it, a moderator approves it,
a translator starts and translates its English page, which goes live after approval."""

import io
from urllib.parse import urlencode

import pytest
from django.contrib.auth import authenticate
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from core.demo import Demo
from core.editorial import demo_content
from tests.builders import act, route_create_url, route_form_data
from tourism.models import RoutePage

pytestmark = pytest.mark.django_db

ENGLISH = {
    "延河之畔": "By the Yan River",
    "沿延河走访革命旧址。": "Along the Yan River to the revolutionary sites.",
}


def in_progress(page):
    return WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")


def test_route_from_draft_to_live_english_page(
    client, settings, yanan_editor, moderator, translator, route_index,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    # Starting a translation must not publish an untranslated English page
    # (the setting the lead is asked to add to base.py).
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
    english = Locale.objects.get(language_code="en")

    # 1. The Yan'an editor drafts the route and submits it.
    client.force_login(yanan_editor)
    data = route_form_data("延河之畔", "yanan", "yanan", "yanan", slug="yan-river")
    data["summary"] = "沿延河走访革命旧址。"
    response = client.post(route_create_url(route_index), {**data, "action-submit": "1"})
    assert response.status_code == 302
    route = RoutePage.objects.get(slug="yan-river")
    assert not route.live

    # 2. The moderator approves: the Chinese page is live.
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, route, in_progress(route), "approve", "可以发布。")
    route.refresh_from_db()
    assert route.live
    assert client.get(route.url).status_code == 200

    # 3. The translator starts the English translation: a draft, not live.
    client.force_login(translator)
    response = client.post(f"/admin/localize/submit/page/{route.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    english_route = route.get_translation(english)
    assert not english_route.live

    # 4. The translator translates every string in wagtail-localize's editor.
    translation = Translation.objects.get(
        source__object_id=route.translation_key, target_locale=english
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
        value = ENGLISH.get(segment.string.data, segment.string.data)
        response = client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), segment.string.data

    # ... and sends the English page to moderation; it is still not live.
    response = client.post(f"/admin/editorial/translations/{english_route.pk}/submit/")
    assert response.status_code == 302
    english_route.refresh_from_db()
    assert not english_route.live

    # 5. The moderator approves: the English page is live, in English.
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, english_route, in_progress(english_route), "approve")
    english_route.refresh_from_db()
    assert english_route.live
    assert english_route.title == "By the Yan River"
    client.logout()
    response = client.get(english_route.url)
    assert response.status_code == 200
    assert "By the Yan River" in response.content.decode()


def test_demo_accounts_for_every_role(admin_user):
    out = io.StringIO()
    demo = Demo(user=admin_user, stdout=out)
    demo_content.load(demo)
    printed = out.getvalue()
    for username, (group, *_rest) in demo_content.USERS.items():
        password = demo_content.demo_password(username)
        assert f"{username} / {password}" in printed
        user = authenticate(username=username, password=password)
        assert user is not None and user.groups.filter(name=group).exists()
    # Running it again creates nothing and keeps the passwords.
    again = Demo(user=admin_user, stdout=io.StringIO())
    demo_content.load(again)
    assert again.created == 0
