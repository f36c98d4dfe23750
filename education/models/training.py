"""Cadre training programmes (延安党性锤炼 + 无锡能力提升) and their listing."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from core.blocks import ListItemsBlock
from core.cards import list_block_ids, list_block_values, localized_cards
from core.choices import City
from core.editorial.cities import CityScopedPage, expand
from core.editorial.pages import EditorialPage
from core.fields import (
    ChoiceListField,
    choice_labels,
    image_alt_field,
    image_field,
    source_snippets,
    summary_field,
)
from core.localize import in_language, localize_snippets
from core.models import ListingPage
from core.origin import page_url
from core.seo import PageMetaMixin, tabbed
from education.models.cohorts import TrainingCohort
from education.training.blocks import (
    ModuleFormat,
    StagesBlock,
    late_modules_error,
    stage_order_error,
)
from education.training.choices import MAX_PARTICIPANTS, TrainingAudience
from education.training.views import (
    EnquiryRoutesMixin,
    ProgrammeEnquiryRoutesMixin,
)
from tourism.models.snippets import Partner

#: The city of a stage in the editor's form data: `stages-<n>-value-city`.
STAGE_CITY_FIELD = re.compile(r"^stages-(\d+)-value-city$")


class TrainingProgrammeIndexPage(EnquiryRoutesMixin, ListingPage):
    """All training programmes, and the general enquiry form (custom programmes too)."""

    template = "education/training/programme_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.TrainingProgrammePage"]
    # A short catalogue, every programme on one page, before the custom enquiry.
    per_page = None
    results_heading = _("培训项目")
    empty_message = _("暂无培训项目。欢迎直接提交定制培训咨询。")

    class Meta:
        verbose_name = _("干部培训项目列表")
        verbose_name_plural = pgettext_lazy("plural", "干部培训项目列表")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["enquire_url"] = self.url + self.reverse_subpage("enquire")
        return context


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


class TrainingProgrammePage(
    ProgrammeEnquiryRoutesMixin, EditorialPage, CityScopedPage, PageMetaMixin, Page
):
    """A two-stage programme: Party-spirit tempering in Yan'an, capability improvement in Wuxi."""

    summary = summary_field(_("一两句话，显示在卡片、页面顶部和分享预览中。"))
    image = image_field(
        _("页面顶部与卡片图片，建议 1600×900；替代文本取自图片的“描述”。"), _("封面图片")
    )
    image_alt = image_alt_field()
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
    spirits = source_snippets(
        "tourism.Spirit",
        _("弘扬的精神"),
        "training_programmes",
        _("项目传承的精神，例如延安精神、张思德精神。"),
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
        FieldPanel("image_alt"),
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
        verbose_name_plural = pgettext_lazy("plural", "干部培训项目")

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
            late_modules_error(stage.get("days") or 0, list_block_values(stage.get("modules", [])))
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

    # A programme belongs to the cities of its stages (Yan'an, then Wuxi): both teams.

    def editorial_cities(self):
        return expand(stage.get("city") for stage in self.raw_stages())

    @classmethod
    def cities_from_form_data(cls, data):
        """The cities of the stages in a submitted form, deleted stages left out."""
        return expand(
            value
            for key, value in data.items()
            if (match := STAGE_CITY_FIELD.match(key)) and not data.get(f"stages-{match[1]}-deleted")
        )

    def stage_days(self):
        """(city label, days) of each stage, read without loading any chooser."""
        labels = dict(City.choices)
        return [(labels.get(s.get("city"), ""), s.get("days") or 0) for s in self.raw_stages()]

    @property
    def audience_labels(self):
        return choice_labels(TrainingAudience, self.audiences)

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
            for module in list_block_values(stage.get("modules", []))
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
            for module in list_block_values(stage.get("modules", [])):
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
        return TrainingCohort.objects.of_page(self)

    @cached_property
    def offered_cohorts(self):
        """Cohorts still taking applications, soonest first, with seats left."""
        return list(self.cohorts_queryset().offered().with_occupancy())

    def source_page(self):
        return in_language(self, settings.LANGUAGE_CODE)

    # Views ----------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["spirits"] = localize_snippets(self.spirits.all(), self.locale)
        context["stages"] = self.stage_plan
        context["cohorts"] = self.offered_cohorts
        context["enquire_url"] = self.url + self.reverse_subpage("enquire")
        return context

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
        if self.offered_cohorts:
            first = self.offered_cohorts[0]
            data["startDate"] = first.yanan_start.isoformat()
            data["endDate"] = first.wuxi_end.isoformat()
            data["applicationDeadline"] = first.booking_deadline.isoformat()
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
                    "maximumAttendeeCapacity": cohort.capacity,
                    "url": page_url(self, request)
                    + self.reverse_subpage("enquire")
                    + f"?cohort={cohort.pk}",
                }
                for cohort in self.offered_cohorts
            ],
        }
