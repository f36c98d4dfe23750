"""Dated study sessions of a base and the schools' bookings of them."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)

from core.localize import in_language
from core.origin import page_url
from education.public_requests.models import PublicRequest, status_field
from education.study_tours.choices import (
    CANCELLABLE_STATUSES,
    MAX_PUPILS_PER_BOOKING,
    SEAT_HOLDING_STATUSES,
    AgeBand,
    ArrivalMode,
    BookingStatus,
    Meals,
)

from .seats import OccasionStatus, SeatedOccasion, SeatedOccasionQuerySet


class StudySessionQuerySet(SeatedOccasionQuerySet):
    def with_occupancy(self):
        """Also annotate `waitlisted`: the number of waiting bookings."""
        return (
            super()
            .with_occupancy()
            .annotate(
                waitlisted=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED))
            )
        )


class StudySession(SeatedOccasion):
    """A dated offer of a base: one course on one day, for a number of pupils."""

    # Requested and confirmed bookings hold as many seats as they bring pupils.
    occasion_page = "base"
    seat_requests = "bookings"
    seats_per_request = "pupils"
    seat_holding_statuses = SEAT_HOLDING_STATUSES

    base = ParentalKey(
        "education.StudyBasePage",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("研学基地"),
        help_text=_("场次所属的基地（中文页面）。"),
    )
    date = models.DateField(_("日期"), help_text=_("研学活动的日期。"))
    start_time = models.TimeField(_("开始时间"), help_text=_("例如 09:00。"))
    end_time = models.TimeField(_("结束时间"), help_text=_("例如 16:30。"))
    course_block_id = models.CharField(
        _("课程"),
        max_length=64,
        blank=True,
        help_text=_("本场次上的课程；新增的课程需先保存页面才会出现在列表中。"),
    )
    capacity = models.PositiveIntegerField(
        _("学生名额"),
        validators=[MinValueValidator(1), MaxValueValidator(2000)],
        help_text=_("本场次最多接待的学生人数（不含带队成人）。"),
    )
    booking_deadline = models.DateField(
        _("报名截止日期"), help_text=_("当天仍可报名；之后表单关闭。")
    )
    objects = StudySessionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("course_block_id"),
        FieldRowPanel(
            [FieldPanel("capacity"), FieldPanel("booking_deadline"), FieldPanel("status")]
        ),
    ]

    class Meta:
        verbose_name = _("研学场次")
        verbose_name_plural = pgettext_lazy("plural", "研学场次")
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.base.title} · {self.date:%Y-%m-%d} {self.start_time:%H:%M}"

    def clean(self):
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("结束时间须晚于开始时间。")
        if self.date and self.booking_deadline and self.booking_deadline > self.date:
            errors["booking_deadline"] = _("报名截止日期不能晚于活动日期。")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.date < timezone.localdate()

    def closed_reason(self):
        """Why the booking form is closed, or "" while it is open."""
        if self.status == OccasionStatus.CANCELLED:
            return _("该场次已取消，不再接受预约。请选择其他场次。")
        if self.is_past:
            return _("该场次已经结束。请选择其他场次。")
        if not self.is_taking_requests:
            return _("该场次报名已于 %(date)s 截止。请选择其他场次或致电基地。") % {
                "date": self.booking_deadline.isoformat()
            }
        return ""

    def course_title(self, page):
        """The title of this session's course on `page` (the base in the reader's language)."""
        return page.course_titles.get(self.course_block_id, "")

    def starts_at(self):
        return timezone.make_aware(
            datetime.datetime.combine(self.date, self.start_time),
            timezone.get_default_timezone(),
        )

    def ends_at(self):
        return timezone.make_aware(
            datetime.datetime.combine(self.date, self.end_time),
            timezone.get_default_timezone(),
        )

    def get_json_ld(self, page, request, location):
        status = {
            OccasionStatus.CANCELLED: "https://schema.org/EventCancelled",
        }.get(self.status, "https://schema.org/EventScheduled")
        data = {
            "@type": "EducationEvent",
            "name": self.course_title(page) or page.title,
            "startDate": self.starts_at().isoformat(),
            "endDate": self.ends_at().isoformat(),
            "eventStatus": status,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": location,
            "maximumAttendeeCapacity": self.capacity,
            "remainingAttendeeCapacity": self.seats_left,
            "inLanguage": page.locale.language_code,
            "url": page_url(page, request) + page.reverse_subpage("book", args=[self.pk]),
        }
        if page.age_bands:
            data["educationalLevel"] = [str(AgeBand(band).label) for band in page.age_bands]
        return data


class Booking(PublicRequest):
    """A school's request for seats on a study session."""

    reference_prefix = "YX"
    signing_salt = "education.booking"

    session = models.ForeignKey(
        StudySession,
        on_delete=models.PROTECT,
        related_name="bookings",
        verbose_name=_("场次"),
        help_text=_("预约的研学场次。"),
    )
    school_name = models.CharField(
        _("学校名称"), max_length=120, help_text=_("学校全称，例如“无锡市第一中学”。")
    )
    age_band = models.CharField(
        _("年龄段"),
        max_length=20,
        choices=AgeBand.choices,
        help_text=_("参加学生所在学段，决定最低师生比。"),
    )
    pupils = models.PositiveIntegerField(
        _("学生人数"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PUPILS_PER_BOOKING)],
        help_text=_("参加的学生人数。"),
    )
    adults = models.PositiveIntegerField(
        _("带队成人人数"),
        validators=[MaxValueValidator(MAX_PUPILS_PER_BOOKING)],
        help_text=_("随行的老师和家长志愿者人数。"),
    )
    access_needs = models.TextField(
        _("特殊需求与无障碍需求"),
        max_length=2000,
        blank=True,
        help_text=_("例如轮椅使用者人数、饮食禁忌、过敏、需要的协助。"),
    )
    meals = models.CharField(
        _("用餐"),
        max_length=20,
        choices=Meals.choices,
        default=Meals.NONE,
        help_text=_("需要基地安排的餐食。"),
    )
    arrival_mode = models.CharField(
        _("到达方式"),
        max_length=20,
        choices=ArrivalMode.choices,
        default=ArrivalMode.COACH,
        help_text=_("学校前往基地的交通方式。"),
    )
    notes = models.TextField(
        _("备注"), max_length=2000, blank=True, help_text=_("其他需要基地知道的事项。")
    )
    status = status_field(
        BookingStatus,
        BookingStatus.REQUESTED,
        _("待确认和已确认的预约占用名额；取消或未能接待后名额释放。"),
    )
    reminder_sent_at = models.DateTimeField(
        _("提醒发送时间"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("活动前提醒邮件排入发送队列的时间；每个预约只提醒一次。"),
    )

    class Meta(PublicRequest.Meta):
        verbose_name = _("研学预约")
        verbose_name_plural = pgettext_lazy("plural", "研学预约")

    def localized_base(self):
        """The base page in the language the booking was made in (or the source)."""
        return in_language(self.session.base, self.language)

    def staff_email(self):
        return self.session.base.staff_email

    def cancel_cutoff(self):
        notice = self.session.base.cancellation_notice_days
        return self.session.date - datetime.timedelta(days=notice)

    def can_be_cancelled_by_school(self):
        return self.status in CANCELLABLE_STATUSES and timezone.localdate() <= self.cancel_cutoff()

    def get_public_url(self):
        base = self.localized_base()
        return base.url + base.reverse_subpage("booking", args=[self.signed_token()])
