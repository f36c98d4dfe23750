"""What editors do in the admin: open editors, submit for moderation, act on a task."""

from wagtail.models import WorkflowState

from .tourism import route_form_data


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def route_create_url(index):
    return f"/admin/pages/add/tourism/routepage/{index.pk}/"


def submit(client, page, title, **fields):
    """An editor saves a Yan'an route with a new title and submits it for moderation."""
    data = route_form_data(title, "yanan", "yanan", "yanan", slug=page.slug, **fields)
    response = client.post(edit_url(page), {**data, "action-submit": "1"})
    assert response.status_code == 302
    return WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")


def act(client, page, state, action, comment=""):
    """A moderator's "approve" or "reject" (ask for changes) on the current task."""
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})
