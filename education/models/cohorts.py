"""Dated cohorts of a training programme and organisations' enquiries about them."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core.choices import City
from core.fields import ChoiceListField, choice_labels, optional_link
from core.localize import enumeration, in_language
from education.public_requests.models import PublicRequest, status_field
from education.training.choices import MAX_PARTICIPANTS, EnquiryStatus, Month

from .seats import SeatedOccasion


class TrainingCohort(SeatedOccasion):
    """A dated run of a programme: its Yan'an stage, then its Wuxi stage."""

    # Agreed enquiries hold as many seats as they send participants.
    occasion_page = "programme"
    seat_requests = "enquiries"
    seats_per_request = "participants"
    seat_holding_statuses = (EnquiryStatus.AGREED,)

    programme = ParentalKey(
        "education.TrainingProgrammePage",
        on_delete=models.CASCADE,
        related_name="cohorts",
        verbose_name=_("培训项目"),
        help_text=_("班期所属的培训项目（中文页面）。"),
    )
    yanan_start = models.DateField(_("延安阶段开始"), help_text=_("在延安报到的日期。"))
    yanan_end = models.DateField(_("延安阶段结束"), help_text=_("延安阶段的最后一天。"))
    wuxi_start = models.DateField(_("无锡阶段开始"), help_text=_("在无锡开课的日期。"))
    wuxi_end = models.DateField(_("无锡阶段结束"), help_text=_("结业的日期。"))
    capacity = models.PositiveSmallIntegerField(
        _("名额"),
        db_column="seats",
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
        help_text=_("本期学员名额；商定的咨询按参训人数占用名额。"),
    )
    booking_deadline = models.DateField(
        _("报名截止日期"),
        db_column="application_deadline",
        help_text=_("当天仍可报名；之后本期不再显示在页面和表单中。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("yanan_start"), FieldPanel("yanan_end")]),
        FieldRowPanel([FieldPanel("wuxi_start"), FieldPanel("wuxi_end")]),
        FieldRowPanel(
            [FieldPanel("capacity"), FieldPanel("booking_deadline"), FieldPanel("status")]
        ),
    ]

    class Meta:
        verbose_name = _("培训班期")
        verbose_name_plural = pgettext_lazy("plural", "培训班期")
        ordering = ["yanan_start"]

    def __str__(self):
        return f"{self.yanan_start:%Y-%m-%d} – {self.wuxi_end:%Y-%m-%d}"

    def clean(self):
        errors = {}
        order = [
            (
                "yanan_end",
                self.yanan_start,
                self.yanan_end,
                _("延安阶段的结束日期不能早于开始日期。"),
            ),
            ("wuxi_start", self.yanan_end, self.wuxi_start, _("无锡阶段须在延安阶段结束后开始。")),
            ("wuxi_end", self.wuxi_start, self.wuxi_end, _("无锡阶段的结束日期不能早于开始日期。")),
            (
                "booking_deadline",
                self.booking_deadline,
                self.yanan_start,
                _("报名截止日期须在开班之前。"),
            ),
        ]
        for field, earlier, later, message in order:
            if earlier and later and later < earlier:
                errors[field] = message
        if errors:
            raise ValidationError(errors)

    def stage_dates(self, city):
        if city == City.WUXI:
            return self.wuxi_start, self.wuxi_end
        return self.yanan_start, self.yanan_end

    def label(self):
        """The cohort as a choice in the enquiry form: dates and seats left."""
        return gettext(
            "延安 %(ys)s–%(ye)s · 无锡 %(ws)s–%(we)s（剩余 %(left)s 个名额，%(deadline)s 截止报名）"
        ) % {
            "ys": f"{self.yanan_start:%m-%d}",
            "ye": f"{self.yanan_end:%m-%d}",
            "ws": f"{self.wuxi_start:%m-%d}",
            "we": f"{self.wuxi_end:%m-%d}",
            "left": self.seats_left,
            "deadline": f"{self.booking_deadline:%Y-%m-%d}",
        }


class TrainingEnquiry(PublicRequest):
    """An organisation's enquiry about training a group of its staff."""

    reference_prefix = "PX"
    signing_salt = "education.training_enquiry"

    organisation = models.CharField(
        _("单位名称"),
        max_length=120,
        help_text=_("单位全称，例如“无锡市梁溪区委组织部”“某某集团有限公司”。"),
    )
    participants = models.PositiveSmallIntegerField(
        _("参训人数"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
        help_text=_("计划参加培训的学员人数。"),
    )
    preferred_months = ChoiceListField(
        _("希望的培训月份"),
        choices=Month.choices,
        max_length=40,
        help_text=_("不选具体班期时，请选择希望开班的月份，可多选。"),
    )
    programme = optional_link(
        "education.TrainingProgrammePage",
        _("培训项目"),
        _("咨询的培训项目（中文页面）；留空表示定制培训项目。"),
        "enquiries",
    )
    cohort = optional_link(
        TrainingCohort,
        _("班期"),
        _("希望参加的班期；商定后按参训人数占用名额。"),
        "enquiries",
    )
    notes = models.TextField(
        _("备注"),
        max_length=2000,
        blank=True,
        help_text=_("培训需求、定制内容、食宿或其他需要说明的事项。"),
    )
    status = status_field(EnquiryStatus, EnquiryStatus.NEW, _("商定后占用所选班期的名额。"))

    class Meta(PublicRequest.Meta):
        verbose_name = _("培训咨询")
        verbose_name_plural = pgettext_lazy("plural", "培训咨询")

    @property
    def programme_title(self):
        return self.programme.title if self.programme else gettext("定制培训项目")

    @property
    def preferred_month_labels(self):
        return choice_labels(Month, self.preferred_months)

    def get_preferred_months_display(self):
        """The preferred months as one line in the active language ("5月、6月", "May, June")."""
        return enumeration(self.preferred_month_labels)

    def localized_index(self):
        """The programme index in the language of the enquiry (or the source)."""
        # By name: pages import these records, never the other way round.
        pages = apps.get_model("education", "TrainingProgrammeIndexPage").objects.live()
        return (
            pages.filter(locale__language_code=self.language).first()
            or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        )

    def localized_programme(self):
        """The programme page in the language the enquiry was made in (or the source)."""
        return self.programme and in_language(self.programme, self.language)

    def staff_email(self):
        return self.programme.enquiry_email if self.programme else ""

    def _public_path(self):
        index_page = self.localized_index()
        if index_page is None:
            raise Http404("No training programme index.")
        return index_page, index_page.reverse_subpage("enquiry", args=[self.signed_token()])

    def get_public_url(self):
        index_page, subpath = self._public_path()
        return index_page.url + subpath
