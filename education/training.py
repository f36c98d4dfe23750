"""Cadre training programmes: "Party-spirit tempering in Yan'an + capability
improvement in Wuxi", their dated cohorts and organisations' enquiries.

A programme page describes two stages (Yan'an first, Wuxi second) of ordered
modules, each optionally held at a red site. Cohorts are dated runs of a
programme; they belong to the Chinese source page and are shown by its
translations, like study sessions. Organisations enquire through a public
form built on the education app's PublicRequest machinery.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from home.cards import attach_card_images, list_block_ids, localized_cards
from home.seo import PageMetaMixin, tabbed
from tourism.blocks import ListItemsBlock
from tourism.choices import City
from tourism.fields import ChoiceListField
from tourism.localize import localize_snippets, source_locale_only
from tourism.models.snippets import Partner

from .requests import PublicRequest
from .training_blocks import (
    ModuleFormat,
    StagesBlock,
    late_modules_error,
    stage_order_error,
)

__all__ = [
    "TrainingProgrammeIndexPage",
    "TrainingProgrammePage",
    "TrainingCohort",
    "TrainingEnquiry",
]

#: An organisation's group, not a whole province: beyond this staff talk by phone.
MAX_PARTICIPANTS = 300


class TrainingAudience(models.TextChoices):
    COUNTY_CADRES = "county_cadres", _("县处级干部")
    GRASSROOTS_CADRES = "grassroots_cadres", _("乡镇和村干部")
    YOUNG_CADRES = "young_cadres", _("年轻干部")
    STATE_ENTERPRISE = "state_enterprise", _("国有企业管理人员")
    TEACHERS = "teachers", _("教师和校长")


class Month(models.TextChoices):
    JAN = "1", _("1月")
    FEB = "2", _("2月")
    MAR = "3", _("3月")
    APR = "4", _("4月")
    MAY = "5", _("5月")
    JUN = "6", _("6月")
    JUL = "7", _("7月")
    AUG = "8", _("8月")
    SEP = "9", _("9月")
    OCT = "10", _("10月")
    NOV = "11", _("11月")
    DEC = "12", _("12月")


class CohortStatus(models.TextChoices):
    OPEN = "open", _("接受报名")
    CLOSED = "closed", _("停止报名")
    CANCELLED = "cancelled", _("已取消")


class EnquiryStatus(models.TextChoices):
    NEW = "new", _("新咨询")
    DISCUSSING = "discussing", _("沟通中")
    AGREED = "agreed", _("已商定")
    CLOSED = "closed", _("已关闭")


def cover_image(help_text):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("封面图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class TrainingProgrammeIndexPage(RoutablePageMixin, PageMetaMixin, Page):
    """All training programmes, and the general enquiry form (custom programmes too)."""

    intro = models.TextField(
        _("导语"), max_length=600, blank=True, help_text=_("列表上方的一段介绍。")
    )
    image = cover_image(_("分享卡片与列表封面，建议 1600×900。"))

    template = "education/training/programme_index_page.html"
    card_image_field = "image"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.TrainingProgrammePage"]
    max_count_per_parent = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("image")]
    edit_handler = tabbed(content_panels)

    class Meta:
        verbose_name = _("干部培训项目列表")
        verbose_name_plural = _("干部培训项目列表")

    def get_card_summary(self):
        return self.search_description or self.intro

    def programmes(self):
        pages = list(TrainingProgrammePage.objects.child_of(self).live().public().order_by("path"))
        attach_card_images(pages)
        return pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = self.programmes()
        context["enquire_url"] = self.url + self.reverse_subpage("enquire")
        return context

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        data["@type"] = "CollectionPage"
        return data

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("enquire/", name="enquire")
    def enquire(self, request):
        from .training_views import enquiry_form

        return enquiry_form(request, self, programme=None)

    @path("enquiry/<str:token>/", name="enquiry")
    def enquiry(self, request, token):
        from .training_views import enquiry_detail

        return enquiry_detail(request, self, token)


class TrainingProgrammePageForm(WagtailAdminPageForm):
    """Checks each cohort's dates against the days of the stages being saved."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("cohorts")
        stages = cleaned.get("stages")
        if formset is None or not stages:
            return cleaned
        days = {child.value["city"]: child.value["days"] for child in stages}
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            for city in (City.YANAN, City.WUXI):
                start, end = (form.cleaned_data.get(f"{city}_{edge}") for edge in ("start", "end"))
                if start and end and city in days and (end - start).days + 1 != days[city]:
                    form.add_error(
                        f"{city}_end",
                        _("%(city)s阶段共 %(days)s 天，这一期的日期是 %(actual)s 天。")
                        % {
                            "city": City(city).label,
                            "days": days[city],
                            "actual": (end - start).days + 1,
                        },
                    )
        return cleaned


class TrainingProgrammePage(RoutablePageMixin, PageMetaMixin, Page):
    """A two-stage programme: Party-spirit tempering in Yan'an, capability improvement in Wuxi."""

    summary = models.TextField(
        _("摘要"), max_length=300, help_text=_("一两句话，显示在卡片、页面顶部和分享预览中。")
    )
    image = cover_image(_("页面顶部与卡片图片，建议 1600×900；替代文本取自图片的“描述”。"))
    body = RichTextField(
        _("项目介绍"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("项目的背景、特色和组织方式。"),
    )
    audiences = ChoiceListField(
        _("培训对象"),
        choices=TrainingAudience.choices,
        blank=False,
        help_text=_("项目面向的学员，可多选。"),
    )
    min_group_size = models.PositiveSmallIntegerField(
        _("最少人数"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
        help_text=_("每期开班的最少学员人数。"),
    )
    max_group_size = models.PositiveSmallIntegerField(
        _("最多人数"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
        help_text=_("每期最多学员人数；一个单位的报名人数不能超过它。"),
    )
    total_days = models.PositiveSmallIntegerField(
        _("总天数"),
        validators=[MinValueValidator(2), MaxValueValidator(60)],
        help_text=_("培训总天数，须等于两个阶段天数之和。"),
    )
    spirits = ParentalManyToManyField(
        "tourism.Spirit",
        verbose_name=_("弘扬的精神"),
        blank=True,
        limit_choices_to=source_locale_only,
        related_name="training_programmes",
        help_text=_("项目传承的精神，例如延安精神、张思德精神。"),
    )
    outcomes = StreamField(
        ListItemsBlock(),
        blank=True,
        verbose_name=_("学习成果"),
        help_text=_("学员完成培训后的收获，每条一句。"),
    )
    stages = StreamField(
        StagesBlock(),
        verbose_name=_("培训阶段"),
        help_text=_("两个阶段：先延安党性锻炼，后无锡能力提升；模块按上课顺序排列。"),
    )
    enquiry_email = models.EmailField(
        _("咨询通知邮箱"),
        blank=True,
        help_text=_("新的培训咨询发送到此邮箱；留空则发送到平台的统一通知邮箱。"),
    )

    template = "education/training/programme_page.html"
    base_form_class = TrainingProgrammePageForm
    card_image_field = "image"
    og_type = "article"
    parent_page_types = ["education.TrainingProgrammeIndexPage"]
    subpage_types = []
    # Cohorts and the enquiries for them belong to the Chinese source page;
    # the English page shows the same cohorts, so they are never copied.
    exclude_fields_in_copy = ["cohorts"]
    override_translatable_fields = [BaseTranslatableField("cohorts")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("stages"),
        index.FilterField("total_days"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldRowPanel([FieldPanel("min_group_size"), FieldPanel("max_group_size")]),
                FieldPanel("total_days"),
            ],
            heading=_("项目概况"),
        ),
        FieldPanel("spirits", widget=forms.CheckboxSelectMultiple),
        FieldPanel("outcomes"),
        FieldPanel("stages"),
    ]
    cohort_panels = [
        FieldPanel("enquiry_email"),
        InlinePanel(
            "cohorts",
            heading=_("班期"),
            label=_("班期"),
            help_text=_("班期只在中文页面维护，英文页面显示相同班期并共用名额。"),
        ),
    ]
    edit_handler = tabbed(content_panels, cohort_panels, _("班期"))

    class Meta:
        verbose_name = _("干部培训项目")
        verbose_name_plural = _("干部培训项目")

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.min_group_size
            and self.max_group_size
            and self.min_group_size > self.max_group_size
        ):
            errors["max_group_size"] = _("最多人数不能少于最少人数。")
        # The blocks check the same rules in the editor; pages saved in code
        # (imports, demo content) are checked here.
        raw = self.raw_stages()
        stage_errors = [stage_order_error(stage.get("city") for stage in raw)] + [
            late_modules_error(stage.get("days") or 0, _items(stage.get("modules", [])))
            for stage in raw
        ]
        if stage_errors := [message for message in stage_errors if message]:
            errors["stages"] = stage_errors
        stage_days = [stage.get("days") or 0 for stage in raw]
        if self.total_days and stage_days and sum(stage_days) != self.total_days:
            errors["total_days"] = _(
                "总天数（%(total)s）须等于两个阶段天数之和（%(days)s = %(sum)s）。"
            ) % {
                "total": self.total_days,
                "days": " + ".join(str(d) for d in stage_days),
                "sum": sum(stage_days),
            }
        if errors:
            raise ValidationError(errors)

    # Facts ----------------------------------------------------------------

    def raw_stages(self):
        return [block["value"] for block in self.stages.raw_data if block["type"] == "stage"]

    def stage_days(self):
        """(city label, days) of each stage, read without loading any chooser."""
        labels = dict(City.choices)
        return [(labels.get(s.get("city"), ""), s.get("days") or 0) for s in self.raw_stages()]

    @property
    def audience_labels(self):
        labels = dict(TrainingAudience.choices)
        return [labels[a] for a in self.audiences if a in labels]

    def get_card_summary(self):
        return self.summary

    def get_card_meta(self):
        split = " + ".join(
            gettext("%(city)s%(days)s天") % {"city": city, "days": days}
            for city, days in self.stage_days()
        )
        return gettext("%(days)s天 · %(split)s") % {"days": self.total_days, "split": split}

    @cached_property
    def stage_plan(self):
        """The stages in this page's language, each with its institutions and its
        modules grouped by day, every module linked to its red site.

        Read from raw stream data so that all partners and red sites of the
        programme load in bulk, however many modules there are.
        """
        raw = self.raw_stages()
        partner_ids = [pk for stage in raw for pk in list_block_ids(stage.get("institutions", []))]
        site_ids = [
            module.get("red_site")
            for stage in raw
            for module in _items(stage.get("modules", []))
            if module.get("red_site")
        ]
        by_id = Partner.objects.in_bulk(partner_ids)
        partners = dict(zip(by_id, localize_snippets(by_id.values(), self.locale), strict=True))
        sites = localized_cards(site_ids, self.locale, as_cards=False)
        formats = dict(ModuleFormat.choices)
        cities = dict(City.choices)
        plan = []
        for number, stage in enumerate(raw, start=1):
            days = {}
            for module in _items(stage.get("modules", [])):
                days.setdefault(module.get("day") or 1, []).append(
                    {
                        "title": module.get("title", ""),
                        "format": module.get("format", ""),
                        "format_label": formats.get(module.get("format"), ""),
                        "hours": module.get("hours"),
                        "site": sites.get(module.get("red_site")),
                        "description": module.get("description", ""),
                    }
                )
            plan.append(
                {
                    "number": number,
                    "city": stage.get("city"),
                    "city_label": cities.get(stage.get("city"), ""),
                    "title": stage.get("title", ""),
                    "days": stage.get("days"),
                    "institutions": [
                        partners[pk]
                        for pk in list_block_ids(stage.get("institutions", []))
                        if pk in partners
                    ],
                    "day_plan": sorted(days.items()),
                }
            )
        return plan

    # Cohorts --------------------------------------------------------------

    def cohorts_queryset(self):
        """Cohorts of this programme in every language: those of the source page."""
        return TrainingCohort.objects.filter(
            programme__translation_key=self.translation_key,
            programme__locale__language_code=settings.LANGUAGE_CODE,
        )

    @cached_property
    def offered_cohorts(self):
        """Cohorts still taking applications, soonest first, with seats left."""
        return list(self.cohorts_queryset().offered().with_occupancy())

    def source_page(self):
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            TrainingProgrammePage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            ).first()
            or self
        )

    # Views ----------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["spirits"] = localize_snippets(self.spirits.all(), self.locale)
        context["stages"] = self.stage_plan
        context["cohorts"] = self.offered_cohorts
        context["enquire_url"] = self.url + self.reverse_subpage("enquire")
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("enquire/", name="enquire")
    def enquire(self, request):
        from .training_views import enquiry_form

        return enquiry_form(request, self.get_parent().specific, programme=self)

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        providers = {
            partner.pk: partner.get_json_ld()
            for stage in self.stage_plan
            for partner in stage["institutions"]
        }
        data.update(
            {
                "@type": "EducationalOccupationalProgram",
                "description": self.summary,
                "timeToComplete": f"P{self.total_days}D",
                "educationalProgramMode": "in-person",
                "audience": {
                    "@type": "Audience",
                    "audienceType": [str(label) for label in self.audience_labels],
                },
                "maximumEnrollment": self.max_group_size,
                "provider": list(providers.values()),
                "hasCourse": [self.stage_json_ld(stage, request) for stage in self.stage_plan],
            }
        )
        if self.image:
            data["image"] = request.build_absolute_uri(self.image.file.url)
        if self.offered_cohorts:
            first = self.offered_cohorts[0]
            data["startDate"] = first.yanan_start.isoformat()
            data["endDate"] = first.wuxi_end.isoformat()
            data["applicationDeadline"] = first.application_deadline.isoformat()
        return data

    def stage_json_ld(self, stage, request):
        place = {"@type": "Place", "name": str(stage["city_label"])}
        return {
            "@type": "Course",
            "name": stage["title"],
            "timeRequired": f"P{stage['days']}D",
            "provider": [partner.get_json_ld() for partner in stage["institutions"]],
            "syllabusSections": [
                {"@type": "Syllabus", "name": module["title"]}
                for _day, modules in stage["day_plan"]
                for module in modules
            ],
            "hasCourseInstance": [
                {
                    "@type": "CourseInstance",
                    "courseMode": "onsite",
                    "startDate": cohort.stage_dates(stage["city"])[0].isoformat(),
                    "endDate": cohort.stage_dates(stage["city"])[1].isoformat(),
                    "location": place,
                    "maximumAttendeeCapacity": cohort.seats,
                    "url": self.get_full_url(request)
                    + self.reverse_subpage("enquire")
                    + f"?cohort={cohort.pk}",
                }
                for cohort in self.offered_cohorts
            ],
        }


def _items(raw_list):
    """Values of a ListBlock's raw items ({"type": "item", "value": …} or bare values)."""
    return [item["value"] if "type" in item else item for item in raw_list]


class TrainingCohortQuerySet(models.QuerySet):
    def offered(self, today=None):
        """Open cohorts whose application deadline has not passed."""
        today = today or timezone.localdate()
        return self.filter(status=CohortStatus.OPEN, application_deadline__gte=today).order_by(
            "yanan_start"
        )

    def with_occupancy(self):
        """Annotate `seats_taken`: participants of agreed enquiries."""
        return self.annotate(
            seats_taken=Coalesce(
                Sum(
                    "enquiries__participants",
                    filter=Q(enquiries__status=EnquiryStatus.AGREED),
                ),
                0,
            )
        )


class TrainingCohort(models.Model):
    """A dated run of a programme: its Yan'an stage, then its Wuxi stage."""

    programme = ParentalKey(
        TrainingProgrammePage,
        on_delete=models.CASCADE,
        related_name="cohorts",
        verbose_name=_("培训项目"),
        help_text=_("班期所属的培训项目（中文页面）。"),
    )
    yanan_start = models.DateField(_("延安阶段开始"), help_text=_("在延安报到的日期。"))
    yanan_end = models.DateField(_("延安阶段结束"), help_text=_("延安阶段的最后一天。"))
    wuxi_start = models.DateField(_("无锡阶段开始"), help_text=_("在无锡开课的日期。"))
    wuxi_end = models.DateField(_("无锡阶段结束"), help_text=_("结业的日期。"))
    seats = models.PositiveSmallIntegerField(
        _("名额"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
        help_text=_("本期学员名额；商定的咨询按参训人数占用名额。"),
    )
    application_deadline = models.DateField(
        _("报名截止日期"), help_text=_("当天仍可报名；之后本期不再显示在页面和表单中。")
    )
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=CohortStatus.choices,
        default=CohortStatus.OPEN,
        help_text=_("停止报名或取消后，本期不再接受咨询。"),
    )

    objects = TrainingCohortQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("yanan_start"), FieldPanel("yanan_end")]),
        FieldRowPanel([FieldPanel("wuxi_start"), FieldPanel("wuxi_end")]),
        FieldRowPanel(
            [FieldPanel("seats"), FieldPanel("application_deadline"), FieldPanel("status")]
        ),
    ]

    class Meta:
        verbose_name = _("培训班期")
        verbose_name_plural = _("培训班期")
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
                "application_deadline",
                self.application_deadline,
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

    @property
    def seats_left(self):
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            taken = self.enquiries.filter(status=EnquiryStatus.AGREED).aggregate(
                n=Coalesce(Sum("participants"), 0)
            )["n"]
        return max(self.seats - taken, 0)

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
            "deadline": f"{self.application_deadline:%Y-%m-%d}",
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
    programme = models.ForeignKey(
        TrainingProgrammePage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("培训项目"),
        help_text=_("咨询的培训项目（中文页面）；留空表示定制培训项目。"),
    )
    cohort = models.ForeignKey(
        TrainingCohort,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("班期"),
        help_text=_("希望参加的班期；商定后按参训人数占用名额。"),
    )
    notes = models.TextField(
        _("备注"),
        max_length=2000,
        blank=True,
        help_text=_("培训需求、定制内容、食宿或其他需要说明的事项。"),
    )
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=EnquiryStatus.choices,
        default=EnquiryStatus.NEW,
        help_text=_("商定后占用所选班期的名额。"),
    )

    class Meta:
        verbose_name = _("培训咨询")
        verbose_name_plural = _("培训咨询")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    @property
    def is_custom(self):
        return self.programme_id is None

    @property
    def programme_title(self):
        return self.programme.title if self.programme else gettext("定制培训项目")

    @property
    def preferred_month_labels(self):
        labels = dict(Month.choices)
        return [labels[m] for m in self.preferred_months if m in labels]

    def get_preferred_months_display(self):
        """The preferred months as one line in the active language ("5月、6月", "May, June")."""
        return gettext("、").join(str(label) for label in self.preferred_month_labels)

    def localized_index(self):
        """The programme index in the language of the enquiry (or the source)."""
        pages = TrainingProgrammeIndexPage.objects.live()
        return (
            pages.filter(locale__language_code=self.language).first()
            or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        )

    def localized_programme(self):
        if self.programme is None:
            return None
        return (
            TrainingProgrammePage.objects.filter(
                translation_key=self.programme.translation_key,
                locale__language_code=self.language,
            ).first()
            or self.programme
        )

    def _public_path(self):
        index_page = self.localized_index()
        if index_page is None:
            raise Http404("No training programme index.")
        return index_page, index_page.reverse_subpage("enquiry", args=[self.signed_token()])

    def get_public_url(self):
        index_page, subpath = self._public_path()
        return index_page.url + subpath

    def get_full_public_url(self):
        index_page, subpath = self._public_path()
        return index_page.full_url + subpath
