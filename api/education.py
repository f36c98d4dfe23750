"""Study bases with their sessions, training programmes with their cohorts, and the two
requests a partner's front end sends: a school's booking and an organisation's enquiry.

The requests go through the very handler of the web forms
(education.public_requests.handler): same form, ratio rule, consent,
idempotency, rate limit, seat lock and e-mails; only the answer is JSON.
"""

import datetime

from django.http import HttpResponse
from django.utils.translation import gettext
from ninja import Body, Header, Query, Router, Status
from pydantic import Field
from wagtail.api.v3.errors import ProblemDetail
from wagtail.rich_text import expand_db_html

from core.ratelimit import retry_after
from education.models import StudyBaseIndexPage, StudyBasePage
from education.models.training import TrainingProgrammeIndexPage, TrainingProgrammePage
from education.public_requests.handler import RequestRefused
from education.study_tours.choices import AgeBand
from education.study_tours.forms import BookingForm
from education.study_tours.views import BookingHandler
from education.training.choices import TrainingAudience
from education.training.forms import TrainingEnquiryForm
from education.training.views import TrainingEnquiryHandler

from . import schemas
from .common import (
    READ_ERRORS,
    LocaleQuery,
    choice,
    choices,
    form_body,
    form_data,
    form_errors,
    get_page,
    localized_partner,
    page_endpoints,
    page_ref,
    page_summary,
    problem,
)
from .partners import PARTNER_OR_ANONYMOUS, partner_of
from .tourism import spirits_of

router = Router(tags=["education"])
#: Statuses a request can answer besides success; every one is RFC 7807 problem details.
REQUEST_ERRORS = dict.fromkeys((400, 401, 404, 409, 422, 429, 503), ProblemDetail)
IdempotencyKey = Header(
    ...,
    alias="Idempotency-Key",
    max_length=100,
    description="A UUID the client makes once per request it means to send; "
    "sending it again returns the request it created instead of a second one.",
)


# Study bases and sessions --------------------------------------------------------


def base_summary(request, page):
    coordinates = page.get_coordinates()
    return {
        **page_summary(request, page),
        "summary": page.get_card_summary(),
        "kind": choice(page.kind, page.get_kind_display()),
        "city": choice(page.city, page.get_city_display()),
        "latitude": coordinates[0] if coordinates else None,
        "longitude": coordinates[1] if coordinates else None,
        "age_bands": [
            {**choice(band, AgeBand(band).label), "pupils_per_adult": page.pupils_per_adult(band)}
            for band in page.age_bands
        ],
        "spirits": spirits_of(request, page),
    }


def session_data(page, session):
    reason = session.closed_reason()
    return {
        "id": session.pk,
        "date": session.date,
        "start_time": session.start_time,
        "end_time": session.end_time,
        "course_title": session.course_title(page),
        "capacity": session.capacity,
        "seats_left": session.seats_left,
        "booking_deadline": session.booking_deadline,
        "status": choice(session.status, session.get_status_display()),
        "booking_open": not reason,
        "closed_reason": str(reason),
    }


@page_endpoints(router, "/study-bases/", StudyBaseIndexPage, base_summary, "study_base")
def study_base_detail(request, page):
    """A study base with its upcoming sessions and seats left."""
    red_site = page.red_site.localized if page.red_site_id else None
    return {
        "body_html": expand_db_html(page.body),
        "address": page.get_address(),
        "themes": page.themes,
        "has_meals": page.has_meals,
        "has_accommodation": page.has_accommodation,
        "beds": page.beds,
        "accessibility": page.accessibility,
        "cancellation_notice_days": page.cancellation_notice_days,
        "red_site": page_ref(request, red_site) if red_site and red_site.live else None,
        "operator": localized_partner(request, page.operator, page.locale),
        "sessions": [session_data(page, s) for s in page.upcoming_sessions()],
    }


class SessionQuery(LocaleQuery):
    date_from: datetime.date | None = Field(None, description="First day (default: today).")
    date_to: datetime.date | None = Field(None, description="Last day, inclusive.")
    available: bool = Field(False, description="Only sessions taking bookings with seats left.")


@router.get(
    "/study-bases/{int:page_id}/sessions/",
    response={200: list[schemas.StudySession], **READ_ERRORS},
    summary="Sessions of a study base in a date range",
)
def list_sessions(request, page_id: int, response: HttpResponse, params: Query[SessionQuery]):
    """Sessions from `date_from` (today by default) to `date_to`, soonest first, with
    seats left counted now: the same seats whichever language books them."""
    page = get_page(request, StudyBasePage, page_id, params.locale, response)
    sessions = page.upcoming_sessions()
    if params.date_from:
        sessions = sessions.filter(date__gte=params.date_from)
    if params.date_to:
        sessions = sessions.filter(date__lte=params.date_to)
    listed = [session_data(page, s) for s in sessions]
    if params.available:
        listed = [s for s in listed if s["booking_open"] and s["seats_left"]]
    return listed


BookingBody = form_body("BookingRequest", BookingForm)


def submit(request, handler_class, form, page_context=None):
    """Run a bound form through its web handler; answer as the API does."""
    if not form.is_valid():
        return problem(422, gettext("请检查以下内容"), form_errors(form))
    handler = handler_class(request, page_context or {}, partner=partner_of(request))
    try:
        obj, created = handler.submit(form)
    except RequestRefused as refusal:
        errors = [{"loc": [refusal.field], "msg": refusal.message}] if refusal.field else None
        response = problem(refusal.status, refusal.message, errors)
        if refusal.retry_after:
            retry_after(response, refusal.retry_after)
        return response
    return Status(
        201 if created else 200,
        {
            "reference": obj.reference,
            "status": choice(obj.status, obj.get_status_display()),
            "url": obj.get_full_public_url(),
        },
    )


@router.post(
    "/study-bases/{int:page_id}/sessions/{int:session_id}/bookings/",
    response={201: schemas.Created, 200: schemas.Created, **REQUEST_ERRORS},
    summary="Book a session for a school",
    auth=PARTNER_OR_ANONYMOUS,
)
def book_session(
    request,
    page_id: int,
    session_id: int,
    body: Body[BookingBody],
    params: Query[LocaleQuery],
    idempotency_key: str = IdempotencyKey,
):
    """A school's booking, exactly as the booking form takes it: 201 with the reference
    and the school's signed link (also e-mailed); 200 with the same when the
    Idempotency-Key was already used; 409 when the session is closed or has
    too few seats (set `join_waitlist` to be waitlisted instead)."""
    page = get_page(request, StudyBasePage, page_id, params.locale)
    session = page.get_session_or_404(session_id)
    if reason := session.closed_reason():
        return problem(409, reason)
    form = BookingForm(
        {**form_data(body), "idempotency_key": idempotency_key}, base=page, session=session
    )
    return submit(request, BookingHandler, form)


# Training programmes and cohorts ------------------------------------------------


def programme_summary(request, page):
    return {
        **page_summary(request, page),
        "summary": page.summary,
        "audiences": choices(TrainingAudience, page.audiences),
        "min_group_size": page.min_group_size,
        "max_group_size": page.max_group_size,
        "total_days": page.total_days,
        "spirits": spirits_of(request, page),
    }


def cohort_data(cohort):
    return {
        "id": cohort.pk,
        "yanan_start": cohort.yanan_start,
        "yanan_end": cohort.yanan_end,
        "wuxi_start": cohort.wuxi_start,
        "wuxi_end": cohort.wuxi_end,
        "capacity": cohort.capacity,
        "places_left": cohort.seats_left,
        "booking_deadline": cohort.booking_deadline,
        "label": cohort.label(),
    }


@page_endpoints(
    router, "/training-programmes/", TrainingProgrammeIndexPage, programme_summary, "programme"
)
def programme_detail(request, page):
    """A training programme with its cohorts and places left."""
    return {
        "body_html": expand_db_html(page.body),
        "cohorts": [cohort_data(cohort) for cohort in page.offered_cohorts],
    }


EnquiryBody = form_body("TrainingEnquiryRequest", TrainingEnquiryForm, drop={"programme"})


@router.post(
    "/training-programmes/{int:page_id}/enquiries/",
    response={201: schemas.Created, 200: schemas.Created, **REQUEST_ERRORS},
    summary="Send an organisation's enquiry about a programme",
    auth=PARTNER_OR_ANONYMOUS,
)
def enquire(
    request,
    page_id: int,
    body: Body[EnquiryBody],
    params: Query[LocaleQuery],
    idempotency_key: str = IdempotencyKey,
):
    """An enquiry as the programme's enquiry form takes it, optionally for one of its
    open cohorts (`cohort`: an id from the programme's `cohorts`), else with
    `preferred_months`. 201 with the reference and the signed link."""
    page = get_page(request, TrainingProgrammePage, page_id, params.locale)
    form = TrainingEnquiryForm(
        {**form_data(body), "idempotency_key": idempotency_key},
        programme=page,
        locale=page.locale,
    )
    return submit(request, TrainingEnquiryHandler, form)
