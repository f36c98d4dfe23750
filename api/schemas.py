"""The response and error shapes of the partner API: the OpenAPI contract.

Only what the public pages show: no booking or enquiry of anyone is ever
read back, and no staff e-mail address leaves the site.
"""

import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field, WithJsonSchema

LocaleCode = Literal["zh-hans", "en"]
#: A wall-clock time in Beijing (HH:MM:SS). Not OpenAPI's `time` format, which
#: is RFC 3339's and requires an offset that a timetable does not have.
LocalTime = Annotated[
    datetime.time,
    WithJsonSchema(
        {"type": "string", "pattern": r"^[0-2]\d:[0-5]\d:[0-5]\d$", "example": "09:30:00"}
    ),
]


class Rendition(Schema):
    url: str = Field(description="Absolute URL of the resized image (WebP).")
    width: int
    height: int


class Image(Schema):
    alt: str = Field(description="Alternative text for screen readers.")
    width: int = Field(description="Width of the original upload.")
    height: int = Field(description="Height of the original upload.")
    renditions: dict[str, Rendition] = Field(
        description="`thumbnail` 400×250, `card` 800×500, `large` 1280×600, cropped to fill."
    )


class Spirit(Schema):
    slug: str = Field(description="Shared by both languages; the `spirit` filter value.")
    name: str
    short_description: str
    image: Image | None


class Partner(Schema):
    slug: str = Field(description="Shared by both languages; the `partner` filter value.")
    name: str
    short_name: str
    city: str
    city_label: str
    kind: str
    kind_label: str
    website: str
    booking_url: str
    hotline: str = Field(description="The organisation's public enquiry line.")
    description: str
    logo: Image | None


class Flight(Schema):
    flight_number: str
    airline: str
    origin: str = Field(description="IATA airport code.")
    origin_name: str
    destination: str = Field(description="IATA airport code.")
    destination_name: str
    days_of_week: list[str] = Field(description="ISO weekday numbers, 1 = Monday.")
    weekday_labels: list[str]
    departure_time: LocalTime = Field(description="Local time.")
    arrival_time: LocalTime = Field(description="Local time.")
    arrives_next_day: bool
    valid_from: datetime.date
    valid_to: datetime.date


class Choice(Schema):
    value: str
    label: str


class PageSummary(Schema):
    id: int
    locale: LocaleCode
    title: str
    url: str = Field(description="The page on this site, absolute.")
    last_published_at: datetime.datetime | None
    image: Image | None


class PageDetail(PageSummary):
    translations: dict[str, int] = Field(
        description="Ids of this page in each language it is published in, by locale."
    )


class PageRef(Schema):
    id: int
    title: str
    url: str


class Place(PageRef):
    city: str
    latitude: float = Field(description="WGS-84.")
    longitude: float = Field(description="WGS-84.")


class RouteSummary(PageSummary):
    summary: str
    days: int
    region: Choice
    start_city: Choice
    end_city: Choice
    audiences: list[Choice]
    spirits: list[Spirit]
    price_from: int | None = Field(description="Yuan per person; null when not known.")


class Stop(Schema):
    number: int = Field(description="Position in the whole route, as numbered on its map.")
    time: LocalTime | None
    note: str
    site: Place


class Day(Schema):
    number: int
    title: str
    description: str
    meals: list[str]
    overnight: str
    stops: list[Stop]


class RouteDetail(RouteSummary, PageDetail):
    pace: Choice
    best_seasons: list[Choice]
    transport_notes: str
    included: list[str]
    not_included: list[str]
    operators: list[Partner]
    flights: list[Flight] = Field(description="Flights of the route valid today.")
    itinerary: list[Day]


class RedSiteSummary(PageSummary):
    summary: str
    city: Choice
    county: str
    latitude: float
    longitude: float
    spirits: list[Spirit]


class RedSiteDetail(RedSiteSummary, PageDetail):
    address: str
    opening_hours: str
    ticket_notes: str
    accessibility_notes: str
    operator: Partner | None


class OfferingSummary(PageSummary):
    summary: str
    kind: Choice
    valid_from: datetime.date | None = Field(description="Null: on sale already.")
    valid_to: datetime.date | None = Field(description="Null: no end date.")
    price_from: int | None
    partners: list[Partner]


class OfferingDetail(OfferingSummary, PageDetail):
    description_html: str
    includes: list[str]
    booking_url: str
    booking_hotline: str


class AgeBand(Choice):
    pupils_per_adult: int = Field(description="Pupils one accompanying adult may look after.")


class StudyBaseSummary(PageSummary):
    summary: str
    kind: Choice
    city: Choice
    latitude: float | None
    longitude: float | None
    age_bands: list[AgeBand]
    spirits: list[Spirit]


class StudySession(Schema):
    id: int
    date: datetime.date
    start_time: LocalTime
    end_time: LocalTime
    course_title: str
    capacity: int
    seats_left: int
    booking_deadline: datetime.date
    status: Choice
    booking_open: bool = Field(
        description="Bookings accepted now; when full, only onto the waiting list."
    )
    closed_reason: str = Field(description="Why bookings are not accepted; empty while open.")


class StudyBaseDetail(StudyBaseSummary, PageDetail):
    body_html: str
    address: str
    themes: str
    has_meals: bool
    has_accommodation: bool
    beds: int | None
    accessibility: str
    cancellation_notice_days: int
    red_site: PageRef | None
    operator: Partner | None
    sessions: list[StudySession] = Field(description="Sessions from today on.")


class Cohort(Schema):
    id: int
    yanan_start: datetime.date
    yanan_end: datetime.date
    wuxi_start: datetime.date
    wuxi_end: datetime.date
    capacity: int
    places_left: int
    booking_deadline: datetime.date
    label: str


class ProgrammeSummary(PageSummary):
    summary: str
    audiences: list[Choice]
    min_group_size: int
    max_group_size: int
    total_days: int
    spirits: list[Spirit]


class ProgrammeDetail(ProgrammeSummary, PageDetail):
    body_html: str
    cohorts: list[Cohort] = Field(description="Cohorts still taking enquiries, soonest first.")


class Created(Schema):
    reference: str = Field(description="Read out on the phone, e.g. YX-26-7K3Q9P.")
    status: Choice
    url: str = Field(
        description="The requester's own signed page (see, cancel); also sent by e-mail."
    )


class Link(PageRef):
    api_url: str | None = Field(
        description="The page in this API (a detail, or a listing), or null for a page type "
        "it does not serve."
    )


class FeaturedPage(PageSummary):
    summary: str
    api_url: str | None = Field(description="The page's detail in this API, or null.")


class FeaturedSection(Schema):
    heading: str
    intro: str
    items: list[FeaturedPage] = Field(
        description="The editors' picks in order, in this language; untranslated ones left out."
    )
    link: Link | None = Field(description="Where “see all” leads, usually a listing.")


class CallToAction(Schema):
    heading: str
    text: str
    label: str = Field(description="The button's text.")
    link: Link | None


class Home(PageDetail):
    hero_heading: str
    hero_intro: str
    body_html: str = Field(description="The introduction to the Yan'an–Wuxi cooperation.")
    sections: list[FeaturedSection]
    call_to_action: CallToAction | None = Field(description="Null when the editors set none.")
