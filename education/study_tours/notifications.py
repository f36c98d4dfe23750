"""Emails about study-tour bookings: to the school in its language, to the base's staff,
and the reminder before the session."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.origin import absolute_url
from education.models.sessions import Booking
from education.public_requests.notifications import email_requester, email_staff
from education.study_tours.choices import BookingStatus


def booking_context(booking):
    base = booking.localized_base()
    return {
        "booking": booking,
        "base": base,
        "session": booking.session,
        "course_title": booking.session.course_title(base),
        "public_url": booking.get_full_public_url(),
        "admin_url": absolute_url(reverse("education_bookings:inspect", args=[booking.pk])),
        "cancel_cutoff": booking.cancel_cutoff(),
    }


def booking_calendar(booking, context):
    """An .ics file with the session, so the teacher's calendar has the day."""
    base, session = context["base"], booking.session
    with translation.override(booking.language):
        calendar = Calendar()
        calendar.add("prodid", "-//Yan'an-Wuxi Red Trails//Study tours//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        event = Event()
        event.add("uid", f"{booking.reference}@study-tours.yanxi")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", session.starts_at())
        event.add("dtend", session.ends_at())
        event.add("summary", " · ".join(filter(None, [base.title, context["course_title"]])))
        event.add("location", base.address or base.title)
        if coordinates := base.get_coordinates():
            event.add("geo", coordinates)
        event.add(
            "description",
            _("预约编号：%(reference)s\n学生 %(pupils)s 人，带队成人 %(adults)s 人。\n%(url)s")
            % {
                "reference": booking.reference,
                "pupils": booking.pupils,
                "adults": booking.adults,
                "url": context["public_url"],
            },
        )
        event.add("url", context["public_url"])
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()


def notify_school(booking):
    """Tell the school where its booking stands; a confirmation carries the .ics."""
    context = booking_context(booking)
    attachments = []
    if booking.status == BookingStatus.CONFIRMED:
        attachments.append(
            (f"{booking.reference}.ics", booking_calendar(booking, context), "text/calendar")
        )
    return email_requester(booking, "education/emails/booking_update", context, attachments)


def notify_staff(booking, event):
    """Tell the base's staff about a new booking ("new") or a school's cancellation."""
    context = booking_context(booking) | {"event": event}
    return email_staff(booking, "education/emails/booking_staff", context)


def remind_school(booking):
    """A few days before the session: the day, the details and the signed link."""
    return email_requester(booking, "education/emails/booking_reminder", booking_context(booking))


def send_session_reminders(today=None):
    """Queue a reminder for each confirmed booking whose session is SESSION_REMINDER_DAYS away.

    Sessions up to that day are included, so a run missed (a cron outage) or
    a booking confirmed late is still reminded; each booking once, and the
    mark is set in the transaction that queues the e-mail, so two runs at
    once never remind twice. Returns the bookings reminded.
    """
    today = today or timezone.localdate()
    last_day = today + datetime.timedelta(days=settings.SESSION_REMINDER_DAYS)
    due = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        session__date__gte=today,
        session__date__lte=last_day,
    )
    reminded = []
    for booking_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            booking = (
                due.select_for_update()
                .select_related("session__base")
                .filter(pk=booking_id)
                .first()
            )
            if booking is None:
                continue
            remind_school(booking)
            booking.reminder_sent_at = timezone.now()
            booking.save(update_fields=["reminder_sent_at"])
            reminded.append(booking)
    return reminded
