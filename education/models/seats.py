"""What study sessions and training cohorts share: a number of seats that requests take.

A subclass declares its `capacity` and `booking_deadline` fields (their
wording, limits and columns differ) and says which of its requests hold
seats and how many each holds. Taking seats safely is the job of
`education.seats`, which locks the occasion's row first.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OccasionStatus(models.TextChoices):
    OPEN = "open", _("开放报名")
    CLOSED = "closed", _("停止报名")
    CANCELLED = "cancelled", _("已取消")


class SeatedOccasionQuerySet(models.QuerySet):
    def of_page(self, page):
        """The occasions of `page` in every language: those of its source (Chinese) page,
        so seats are counted once, whichever language people book in."""
        parent = self.model.occasion_page
        return self.filter(
            **{
                f"{parent}__translation_key": page.translation_key,
                f"{parent}__locale__language_code": settings.LANGUAGE_CODE,
            }
        )

    def offered(self, today=None):
        """Occasions open for requests whose booking deadline has not passed."""
        today = today or timezone.localdate()
        return self.filter(status=OccasionStatus.OPEN, booking_deadline__gte=today)

    def with_occupancy(self):
        """Annotate `seats_taken`: the seats the seat-holding requests hold."""
        model = self.model
        requests = model.seat_requests
        return self.annotate(
            seats_taken=Coalesce(
                Sum(
                    f"{requests}__{model.seats_per_request}",
                    filter=Q(**{f"{requests}__status__in": model.seat_holding_statuses}),
                ),
                0,
            )
        )


class SeatedOccasion(models.Model):
    """A dated occasion with a number of seats, taken by requests in some statuses."""

    #: The ParentalKey to the page the occasion belongs to (its source page).
    occasion_page = None
    #: Related name of the requests for this occasion's seats.
    seat_requests = None
    #: The request field counting the seats one request holds.
    seats_per_request = None
    #: Request statuses that hold seats; in any other status a request holds none.
    seat_holding_statuses = ()

    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=OccasionStatus.choices,
        default=OccasionStatus.OPEN,
        help_text=_("停止报名或取消后，不再接受新的报名。"),
    )

    objects = SeatedOccasionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def seats_left(self):
        # Listings annotate `seats_taken` (with_occupancy); a single row counts here.
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            seats = Coalesce(Sum(self.seats_per_request), 0)
            taken = self.holding_requests().aggregate(n=seats)["n"]
        return max(self.capacity - taken, 0)

    @property
    def is_full(self):
        return self.seats_left == 0

    @property
    def is_taking_requests(self):
        """Open, and the booking deadline (inclusive) has not passed."""
        return self.status == OccasionStatus.OPEN and timezone.localdate() <= self.booking_deadline

    def holding_requests(self):
        return getattr(self, self.seat_requests).filter(status__in=self.seat_holding_statuses)

    @classmethod
    def request_relation(cls):
        """The requests' foreign key to this model (e.g. `Booking.session`)."""
        return cls._meta.get_field(cls.seat_requests).field
