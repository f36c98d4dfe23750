"""The snippets a front end needs for its own filters and banners: spirits, partners, flights."""

from ninja import Query, Router
from wagtail.api.v3.errors import ProblemDetail

from core.localize import localize_snippets, source_locale_only
from tourism.models import Flight, Partner, Spirit

from . import schemas
from .common import LocaleQuery, activate, partner_data, spirit_data

router = Router(tags=["snippets"])


def flight_data(flight):
    return {
        "flight_number": flight.flight_number,
        "airline": flight.display_airline,
        "origin": flight.origin,
        "origin_name": str(flight.origin_name),
        "destination": flight.destination,
        "destination_name": str(flight.destination_name),
        "days_of_week": sorted(flight.days_of_week),
        "weekday_labels": [str(label) for label in flight.weekday_labels],
        "departure_time": flight.departure_time,
        "arrival_time": flight.arrival_time,
        "arrives_next_day": flight.arrives_next_day,
        "valid_from": flight.valid_from,
        "valid_to": flight.valid_to,
    }


def snippet_endpoint(path, model, schema, serialize, summary, description):
    """Add the list of every `model` snippet in the requested language (untranslated ones in
    Chinese), each as `serialize(request, snippet)` gives it."""

    def list_snippets(request, params: Query[LocaleQuery]):
        locale = activate(request, params.locale)
        snippets = localize_snippets(model.objects.filter(source_locale_only()), locale)
        return [serialize(request, snippet) for snippet in snippets]

    router.get(
        path,
        response={200: list[schema], 422: ProblemDetail},
        summary=summary,
        description=description,
        operation_id=f"api_snippets_list_{model._meta.model_name}s",
    )(list_snippets)


snippet_endpoint(
    "/spirits/",
    Spirit,
    schemas.Spirit,
    spirit_data,
    "The spirits (taxonomy)",
    "The values of every `spirit` filter, with their names in the requested language.",
)
snippet_endpoint(
    "/partners/",
    Partner,
    schemas.Partner,
    partner_data,
    "Partner organisations",
    "The values of every `partner` filter: tourism groups, academies, schools.",
)


@router.get(
    "/flights/",
    response={200: list[schemas.Flight], 422: ProblemDetail},
    summary="Flights valid today",
)
def list_flights(request, params: Query[LocaleQuery]):
    """Scheduled flights whose validity period includes today (Beijing time)."""
    activate(request, params.locale)
    return [flight_data(flight) for flight in Flight.objects.valid_on()]
