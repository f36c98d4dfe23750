"""Seats left show on public pages (bases, programmes, their listings, search):
a booking, an enquiry or an occasion that changes empties the page cache and
purges its page from the CDN."""

from operator import attrgetter

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save

from core.cache import content_changed
from education.models import Booking, StudySession, TrainingCohort, TrainingEnquiry

# The page that shows each model's seats.
SEATS_PAGE = {
    Booking: attrgetter("session.base"),
    StudySession: attrgetter("base"),
    TrainingEnquiry: attrgetter("programme"),
    TrainingCohort: attrgetter("programme"),
}


def seats_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    try:
        page = SEATS_PAGE[sender](instance)
    except (AttributeError, ObjectDoesNotExist):
        # No occasion (an enquiry by month), or its page is being deleted.
        page = None
    content_changed(pages=[page] if page is not None else [])


def connect():
    for model in SEATS_PAGE:
        post_save.connect(seats_changed, sender=model)
        post_delete.connect(seats_changed, sender=model)
