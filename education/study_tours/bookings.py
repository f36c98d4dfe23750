"""A school's booking and the status changes of bookings, under the session's lock."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from education import seats
from education.models.sessions import Booking, StudySession
from education.public_requests.handler import RequestRefused
from education.study_tours.choices import CANCELLABLE_STATUSES, BookingStatus


def refusal_for(seats_left, pupils):
    if seats_left == 0:
        message = _("本场次名额已满。勾选“加入候补名单”后提交，有名额空出时我们按顺序联系您。")
    else:
        message = ngettext(
            "本场次只剩 %(left)s 个名额，您申请了 %(asked)s 个。请减少学生人数，或勾选“加入候补名单”后提交。",
            "本场次只剩 %(left)s 个名额，您申请了 %(asked)s 个。请减少学生人数，或勾选“加入候补名单”后提交。",
            seats_left,
        ) % {"left": seats_left, "asked": pupils}
    return RequestRefused(message, field="pupils", offer_waitlist=True)


def book(session_id, form):
    """Save the form's booking if the session has the seats, else refuse or waitlist.

    Returns the booking (status requested or waitlisted). Raises
    RequestRefused with a message for the school.
    """
    with transaction.atomic():
        session = seats.lock(StudySession, session_id)
        if reason := session.closed_reason():
            raise RequestRefused(reason)
        existing = Booking.objects.filter(
            idempotency_key=form.cleaned_data["idempotency_key"]
        ).first()
        if existing is not None:
            return existing
        booking = form.save(commit=False)
        booking.session = session
        if booking.pupils > (seats_left := session.seats_left):
            if not form.cleaned_data.get("join_waitlist"):
                raise refusal_for(seats_left, booking.pupils)
            booking.status = BookingStatus.WAITLISTED
        booking.save()
        return booking


#: action: (states it may start from, state it leads to)
TRANSITIONS = {
    "confirm": ({BookingStatus.REQUESTED, BookingStatus.WAITLISTED}, BookingStatus.CONFIRMED),
    "decline": ({BookingStatus.REQUESTED, BookingStatus.WAITLISTED}, BookingStatus.DECLINED),
    "cancel": (set(CANCELLABLE_STATUSES), BookingStatus.CANCELLED),
}


def transition(booking_id, action):
    """Move a booking to the state `action` leads to; return the updated booking.

    Raises `education.seats.SeatsRefused` with a message for staff when the
    booking's state does not allow it or, for a waitlisted booking, seats are missing.
    """
    allowed, target = TRANSITIONS[action]
    return seats.change_status(StudySession, booking_id, allowed, target)
