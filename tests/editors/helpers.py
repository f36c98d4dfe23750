"""Helpers for the editors' tests: URLs, form data and the admin actions of each role."""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, WorkflowState

from tourism.models import JointOfferingPage


def route_fields(start, end, region, **extra):
    return {
        "days": 1,
        "start_city": start,
        "end_city": end,
        "region": region,
        "audiences": ["public"],
        "best_seasons": ["spring"],
        **extra,
    }


def add_offerings(index, partner, count, days):
    for n in range(count):
        offering = JointOfferingPage(
            title=f"联票{days}-{n}",
            slug=f"ticket-{days}-{n}",
            summary="两地联票。",
            kind="ticket_bundle",
            valid_from=today_plus(-10),
            valid_to=today_plus(days),
            locale=index.locale,
        )
        index.add_child(instance=offering)
        offering.partners.set([partner])
        offering.save_revision().publish()


def stage(city, title):
    module = {"day": 1, "title": "现场教学", "format": "lecture", "hours": "3.0", "description": ""}
    value = {"city": city, "title": title, "days": 1, "institutions": [], "modules": [module]}
    return {"type": "stage", "value": value}


def english_locale():
    return Locale.objects.get(language_code="en")


def english_of(page):
    return page.get_translation(english_locale()).specific


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def today_plus(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def create_route_post(title, start, end, region, **extra):
    """The data of the route editor's form, as a browser posts it."""
    streams = ("included", "not_included", "itinerary", "related_routes")
    return {
        **route_fields(start, end, region),
        "title": title,
        "slug": slugify(title) or "new-route",
        "summary": "测试线路。",
        "pace": "moderate",
        **{f"{name}-count": 0 for name in streams},
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
        **extra,
    }


def assert_refused(response):
    """Wagtail's own refusal is a redirect to the dashboard; ours is a 403."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def route_create_url(index):
    return f"/admin/pages/add/tourism/routepage/{index.pk}/"


def submit(client, page, title, **extra):
    """An editor saves a Yan'an route with a new title and submits it for moderation."""
    data = create_route_post(title, "yanan", "yanan", "yanan", slug=page.slug, **extra)
    response = client.post(edit_url(page), {**data, "action-submit": "1"})
    assert response.status_code == 302
    return WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")


def act(client, page, state, action, comment=""):
    """A moderator's "approve" or "reject" (ask for changes) on the current task."""
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})
