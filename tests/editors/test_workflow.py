"""Moderation: editors submit, moderators approve or ask for changes, submitters hear back."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from tests.builders import act, edit_url, route_form_data, submit

pytestmark = pytest.mark.django_db


def test_moderator_approves_and_the_submitter_is_told(
    client, yanan_editor, moderator, routes, django_capture_on_commit_callbacks
):
    page = routes["yanan"]
    client.force_login(yanan_editor)
    with django_capture_on_commit_callbacks(execute=True):
        state = submit(client, page, "延安一日游（新版）")
    # Moderators hear of the submission.
    assert any(moderator.email in message.to for message in mail.outbox)
    mail.outbox.clear()

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, page, state, "approve", "写得很好。")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.title == "延安一日游（新版）"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    to_editor = [m for m in mail.outbox if yanan_editor.email in m.to]
    assert to_editor, "the submitter gets an email"
    assert "延安一日游（新版）" in to_editor[0].subject + to_editor[0].body


def test_moderator_asks_for_changes_with_a_comment(
    client, yanan_editor, moderator, routes, django_capture_on_commit_callbacks
):
    page = routes["yanan"]
    client.force_login(yanan_editor)
    state = submit(client, page, "延安一日游（草稿）")
    mail.outbox.clear()

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, page, state, "reject", "请补充交通说明。")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.refresh_from_db()
    assert page.title == "延安一日游"  # nothing published
    to_editor = [m for m in mail.outbox if yanan_editor.email in m.to]
    assert to_editor
    assert "请补充交通说明。" in to_editor[0].body

    # The editor fixes the page and resubmits: the same workflow resumes.
    client.force_login(yanan_editor)
    resubmitted = submit(client, page, "延安一日游（补充）", transport_notes="乘机场大巴。")
    assert resubmitted.pk == state.pk


def test_scheduled_go_live_and_expiry(client, moderator, routes):
    page = routes["yanan"]
    client.force_login(moderator)
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = route_form_data("延安一日游（秋季版）", "yanan", "yanan", "yanan", slug=page.slug)
    data["go_live_at"] = go_live.strftime("%Y-%m-%d %H:%M")
    response = client.post(edit_url(page), {**data, "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "延安一日游"  # still the old version until the date
    revision = Revision.objects.get(approved_go_live_at__isnull=False, object_id=str(page.pk))

    # Two days later (moved back in time here), the scheduler publishes it.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and page.title == "延安一日游（秋季版）"

    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
