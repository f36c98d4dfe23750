"""Taking and releasing seats. Every change of seats happens here, under a lock.

The session row is the lock: whoever holds it is the only one counting and
taking its seats, so two schools can never both get the last ones.
"""

from django.db import connection, transaction
from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from education.models.sessions import Booking, StudySession
from education.public_requests.handler import RequestRefused
from education.study_tours.choices import CANCELLABLE_STATUSES, SEAT_HOLDING_STATUSES, BookingStatus


class TransitionRefused(Exception):
    pass


def lock_session(session_id):
    """Lock the session row until the transaction ends and return it."""
    sessions = StudySession.objects.filter(pk=session_id)
    if connection.vendor == "sqlite":
        # SQLite has no row locks. A write takes the database write lock at
        # once, so concurrent bookings queue here (busy timeout) instead of
        # failing when a read transaction later tries to write.
        sessions.update(capacity=F("capacity"))
    else:
        sessions = sessions.select_for_update()
    return sessions.select_related("base").get()


def seats_taken(session):
    return session.bookings.filter(status__in=SEAT_HOLDING_STATUSES).aggregate(
        n=Coalesce(Sum("pupils"), 0)
    )["n"]


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
        session = lock_session(session_id)
        if reason := session.closed_reason():
            raise RequestRefused(reason)
        existing = Booking.objects.filter(
            idempotency_key=form.cleaned_data["idempotency_key"]
        ).first()
        if existing is not None:
            return existing
        booking = form.save(commit=False)
        booking.session = session
        seats_left = max(session.capacity - seats_taken(session), 0)
        if booking.pupils > seats_left:
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
    "complete": ({BookingStatus.CONFIRMED}, BookingStatus.COMPLETED),
}


def transition(booking_id, action):
    """Move a booking to the state `action` leads to; return the updated booking.

    Raises TransitionRefused with a message for staff when the booking's
    state does not allow it or, for a waitlisted booking, seats are missing.
    """
    allowed, target = TRANSITIONS[action]
    session_id = Booking.objects.values_list("session_id", flat=True).get(pk=booking_id)
    with transaction.atomic():
        session = lock_session(session_id)
        booking = Booking.objects.select_related("session__base").get(pk=booking_id)
        if booking.status not in allowed:
            raise TransitionRefused(
                _("预约 %(reference)s 当前状态为“%(status)s”，不能执行此操作。")
                % {"reference": booking.reference, "status": booking.get_status_display()}
            )
        if target in SEAT_HOLDING_STATUSES and not booking.holds_seats:
            seats_left = max(session.capacity - seats_taken(session), 0)
            if booking.pupils > seats_left:
                raise TransitionRefused(
                    _("场次只剩 %(left)s 个名额，不够预约 %(reference)s 的 %(pupils)s 名学生。")
                    % {"left": seats_left, "reference": booking.reference, "pupils": booking.pupils}
                )
        booking.status = target
        booking.save(update_fields=["status", "updated_at"])
    return booking
