"""Builders of test content, shared by the whole suite.

Naming: `make_*` saves something and returns it (pages and snippets through
`core.demo.Demo`, so published in Chinese with an English translation made by
wagtail-localize, as a translator's work would be); `*_fields` returns the
field values of a page not yet saved; `*_data` returns the POST data of a
form; `*_url` returns where a page's sub-route lives. Every Chinese string a
builder writes has its English in `words.ENGLISH`.
"""

from .admin import act, edit_url, route_create_url, submit
from .bulk import add_live_pages, tiny_image
from .search import PAGES as SEARCH_PAGES
from .search import make_search_pages
from .study_tours import (
    COURSE_ID,
    book_url,
    booking_data,
    make_study_base,
    make_study_base_index,
    make_study_session,
    post_booking,
    study_base_fields,
)
from .tourism import (
    days_from_today,
    flight_fields,
    itinerary,
    make_flight,
    make_offering_index,
    make_offerings,
    make_partner,
    make_red_site,
    make_red_site_index,
    make_route,
    make_route_index,
    make_spirit,
    make_tourism,
    route_fields,
    route_form_data,
)
from .training import (
    enquire_url,
    enquiry_data,
    make_cohort,
    make_programme,
    make_programme_index,
    make_stage_content,
    minimal_stage,
    module,
    programme_fields,
    stages,
)
from .words import ENGLISH

__all__ = [
    "COURSE_ID",
    "ENGLISH",
    "SEARCH_PAGES",
    "act",
    "add_live_pages",
    "tiny_image",
    "book_url",
    "post_booking",
    "booking_data",
    "days_from_today",
    "edit_url",
    "flight_fields",
    "enquire_url",
    "enquiry_data",
    "itinerary",
    "make_cohort",
    "make_flight",
    "make_offering_index",
    "make_offerings",
    "make_partner",
    "make_programme",
    "make_programme_index",
    "make_red_site",
    "make_red_site_index",
    "make_route",
    "make_route_index",
    "make_search_pages",
    "make_spirit",
    "make_stage_content",
    "make_study_base",
    "make_study_base_index",
    "make_study_session",
    "make_tourism",
    "minimal_stage",
    "module",
    "programme_fields",
    "route_create_url",
    "route_fields",
    "route_form_data",
    "stages",
    "study_base_fields",
    "submit",
]
