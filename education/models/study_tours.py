"""Study bases (研学基地) and their listing."""

import datetime
import math
from types import SimpleNamespace

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from core.choices import City
from core.editorial.cities import CityScopedPage
from core.editorial.pages import EditorialPage
from core.fields import (
    coordinate_fields,
    image_alt_field,
    image_field,
    optional_link,
    source_snippets,
)
from core.geo import geo_json_ld, map_links
from core.localize import localize_snippets
from core.maps import render_location_map
from core.models import ListingPage
from core.seo import PageMetaMixin, tabbed
from education.models.sessions import StudySession
from education.study_tours.blocks import CourseBlock, GalleryImageBlock
from education.study_tours.choices import RATIO_FIELDS, AgeBand, BaseKind
from education.study_tours.forms import BaseFilterForm
from education.study_tours.views import BookingRoutesMixin
from tourism.models import Spirit

#: Past sessions stay listed (marked as past) for this many days.
RECENT_SESSION_DAYS = 14


def ratio_field(band, default):
    return models.PositiveSmallIntegerField(
        _("%(band)s：每名带队成人最多带学生数") % {"band": AgeBand(band).label},
        null=True,
        blank=True,
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("例如 8 表示师生比不低于 1:8；留空表示本基地不接待该年龄段。"),
    )


class StudyBaseIndexPage(ListingPage):
    """The list of study bases, filtered by city, age band, spirit and kind."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.StudyBasePage"]
    filter_form_class = BaseFilterForm
    results_heading = _("研学基地")
    empty_message = _("没有符合条件的基地。")

    class Meta:
        verbose_name = _("研学基地列表")
        verbose_name_plural = pgettext_lazy("plural", "研学基地列表")

    def get_filter_form_kwargs(self):
        return {"spirits": Spirit.objects.filter(locale=self.locale)}


class StudyBasePageForm(WagtailAdminPageForm):
    """Lets each session pick one of the base's courses from a list."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("sessions")
        if formset is None:
            return
        choices = [("", _("（不指定课程）"))] + [
            (block.id, block.value["title"]) for block in self.instance.courses
        ]
        base_form = formset.form

        class SessionForm(base_form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields["course_block_id"]
                self.fields["course_block_id"] = forms.ChoiceField(
                    choices=choices, required=False, label=field.label, help_text=field.help_text
                )

        # Forms of a formset are built lazily, so every one (and the empty
        # template for new rows) gets the choices.
        formset.form = SessionForm


class StudyBasePage(BookingRoutesMixin, EditorialPage, CityScopedPage, PageMetaMixin, Page):
    """A study-tour base, camp or red experience site, with its dated sessions."""

    kind = models.CharField(
        _("类型"),
        max_length=20,
        choices=BaseKind.choices,
        default=BaseKind.BASE,
        help_text=_("研学基地提供教学；营地还提供食宿；红色体验地以现场体验为主。"),
    )
    intro = models.TextField(
        _("简介"), max_length=600, help_text=_("一两句话介绍基地，显示在卡片和页面顶部。")
    )
    image = image_field(_("卡片与页面顶部的图片，建议 1600×900；替代文本取自图片的“描述”。"))
    image_alt = image_alt_field()
    body = RichTextField(
        _("详细介绍"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("基地的历史、教学特色与参观路线。"),
    )
    city = models.CharField(
        _("城市"),
        max_length=20,
        choices=City.choices,
        default=City.YANAN,
        help_text=_("基地所在城市，用于列表筛选。"),
    )
    red_site = optional_link(
        "tourism.RedSitePage",
        _("所在红色景点"),
        _("基地位于某个红色景点内时选择它；地址和坐标未填写时使用景点的。"),
        "study_bases",
    )
    address = models.CharField(
        _("地址"),
        max_length=200,
        blank=True,
        help_text=_("基地自己的地址；位于红色景点内时可留空，使用景点地址。"),
    )
    latitude, longitude = coordinate_fields(
        _("WGS-84 坐标（GPS），例如 36.606；位于红色景点内时可留空。"),
        _("WGS-84 坐标（GPS），例如 109.477；位于红色景点内时可留空。"),
        required=False,
    )
    spirits = source_snippets(
        "tourism.Spirit",
        _("弘扬的精神"),
        "study_bases",
        _("基地课程传承的精神，例如延安精神、南泥湾精神；用于列表筛选。"),
    )
    themes = models.CharField(
        _("研学主题"),
        max_length=200,
        blank=True,
        help_text=_("用顿号分隔，例如“党史学习、劳动教育、国防教育”。"),
    )
    pupils_per_adult_lower_primary = ratio_field(AgeBand.LOWER_PRIMARY, 4)
    pupils_per_adult_upper_primary = ratio_field(AgeBand.UPPER_PRIMARY, 6)
    pupils_per_adult_junior_middle = ratio_field(AgeBand.JUNIOR_MIDDLE, 8)
    pupils_per_adult_senior_middle = ratio_field(AgeBand.SENIOR_MIDDLE, 10)
    courses = StreamField(
        [("course", CourseBlock())],
        blank=True,
        verbose_name=_("课程"),
        help_text=_("基地开设的课程；保存后即可在“场次”中选择。"),
    )
    has_meals = models.BooleanField(
        _("提供餐食"), default=False, help_text=_("基地能为团队提供午餐或三餐。")
    )
    has_accommodation = models.BooleanField(
        _("提供住宿"), default=False, help_text=_("营地可安排学生住宿。")
    )
    beds = models.PositiveIntegerField(
        _("床位数"), null=True, blank=True, help_text=_("可供学生使用的床位总数，没有可留空。")
    )
    accessibility = models.TextField(
        _("无障碍设施"),
        max_length=1000,
        blank=True,
        help_text=_("轮椅通道、无障碍卫生间、可借用的设备等。"),
    )
    safety_notes = RichTextField(
        _("安全须知"),
        blank=True,
        features=["bold", "ul", "ol", "link"],
        help_text=_("到访学校须知道的安全事项：着装、集合、医疗点、应急联系人。"),
    )
    gallery = StreamField(
        [("image", GalleryImageBlock())],
        blank=True,
        verbose_name=_("图集"),
        help_text=_("基地与课程照片，最多 12 张。"),
        max_num=12,
    )
    operator = optional_link(
        "tourism.Partner", _("运营单位"), _("负责基地运营和接待的合作单位。"), "study_bases"
    )
    staff_email = models.EmailField(
        _("预约通知邮箱"),
        blank=True,
        help_text=_("新预约发送到此邮箱；留空则发送到平台的统一通知邮箱。"),
    )
    cancellation_notice_days = models.PositiveSmallIntegerField(
        _("取消提前天数"),
        default=3,
        validators=[MaxValueValidator(60)],
        help_text=_("学校最晚可在场次前几天通过邮件中的链接自行取消预约。"),
    )

    card_image_field = "image"
    og_type = "place"
    parent_page_types = ["education.StudyBaseIndexPage"]
    subpage_types = []
    base_form_class = StudyBasePageForm
    # Sessions and their bookings belong to the Chinese source page; a
    # translation shows the same sessions, so they are never copied to it.
    exclude_fields_in_copy = ["sessions"]
    override_translatable_fields = [BaseTranslatableField("sessions")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("themes"),
        index.SearchField("courses"),
        index.FilterField("city"),
        index.FilterField("kind"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("red_site"),
                FieldPanel("city"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("位置"),
        ),
        FieldPanel("spirits", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes"),
        FieldPanel("operator"),
        MultiFieldPanel(
            [FieldPanel(name) for name in RATIO_FIELDS.values()],
            heading=_("接待年龄段与师生比"),
        ),
        FieldPanel("courses"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("has_meals"), FieldPanel("has_accommodation"), FieldPanel("beds")]
                ),
                FieldPanel("accessibility"),
            ],
            heading=_("设施"),
        ),
        FieldPanel("safety_notes"),
        FieldPanel("gallery"),
    ]
    session_panels = [
        MultiFieldPanel(
            [FieldPanel("staff_email"), FieldPanel("cancellation_notice_days")],
            heading=_("预约设置"),
        ),
        InlinePanel(
            "sessions",
            heading=_("场次"),
            label=_("场次"),
            help_text=_("场次只在中文页面维护，英文页面显示相同场次并共用名额。"),
        ),
    ]
    edit_handler = tabbed(content_panels, session_panels, _("场次"))

    class Meta:
        verbose_name = _("研学基地")
        verbose_name_plural = pgettext_lazy("plural", "研学基地")

    # Facts --------------------------------------------------------------

    @property
    def age_bands(self):
        """The age bands this base receives, youngest first."""
        return [band for band, field in RATIO_FIELDS.items() if getattr(self, field)]

    def age_band_choices(self):
        return [(band, AgeBand(band).label) for band in self.age_bands]

    def age_band_ratios(self):
        """(label, pupils per adult) of each age band received."""
        return [(AgeBand(band).label, self.pupils_per_adult(band)) for band in self.age_bands]

    def pupils_per_adult(self, band):
        return getattr(self, RATIO_FIELDS[band], None)

    def adults_needed(self, band, pupils):
        ratio = self.pupils_per_adult(band)
        return math.ceil(pupils / ratio) if ratio else 0

    @cached_property
    def course_titles(self):
        """Course titles of this page, in its language, by stream block id."""
        return {block.id: block.value["title"] for block in self.courses}

    def get_card_summary(self):
        return self.search_description or self.intro

    def get_card_meta(self):
        return " · ".join([str(self.get_kind_display()), str(self.get_city_display())])

    def get_coordinates(self):
        """(lat, lon) in WGS-84: the base's own, else those of its red site."""
        for place in (self, self.red_site):
            if place is not None and place.latitude is not None and place.longitude is not None:
                return float(place.latitude), float(place.longitude)
        return None

    def get_address(self):
        """The base's own address, else its red site's, in the page's language.

        The red site link is copied as it is into the English page, so it
        points at the Chinese site: its translation carries the English address.
        """
        if self.address or not self.red_site_id:
            return self.address
        return (self.red_site.get_translation_or_none(self.locale) or self.red_site).address

    def map_links(self):
        if coordinates := self.get_coordinates():
            return map_links(*coordinates, self.title)
        return {}

    def location_map(self):
        """The tourism app's inline SVG map of the base, or "" without coordinates."""
        if not (coordinates := self.get_coordinates()):
            return ""
        place = SimpleNamespace(
            title=self.title, latitude=coordinates[0], longitude=coordinates[1], city=self.city
        )
        return render_location_map(place, map_id=f"base-map-{self.pk}")

    # Sessions -----------------------------------------------------------

    def sessions_queryset(self):
        return StudySession.objects.of_page(self)

    def upcoming_sessions(self):
        return (
            self.sessions_queryset()
            .filter(date__gte=timezone.localdate())
            .with_occupancy()
            .order_by("date", "start_time")
        )

    def get_session_or_404(self, session_id):
        session = self.sessions_queryset().with_occupancy().filter(pk=session_id).first()
        if session is None:
            raise Http404("No such session at this base.")
        return session

    # Views ----------------------------------------------------------------

    def listed_sessions(self):
        """Sessions shown on the page: upcoming ones, and those of the last weeks
        marked as past, each with its course title and booking URL."""
        since = timezone.localdate() - datetime.timedelta(days=RECENT_SESSION_DAYS)
        sessions = list(
            self.sessions_queryset()
            .filter(date__gte=since)
            .with_occupancy()
            .order_by("date", "start_time")
        )
        for session in sessions:
            session.course = session.course_title(self)
            session.book_url = self.url + self.reverse_subpage("book", args=[session.pk])
        return sessions

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = request._education_sessions = self.listed_sessions()
        context["spirits"] = localize_snippets(self.spirits.all(), self.locale)
        # Page links are copied as they are to translations: show the red
        # site in the reader's language when it has been translated.
        context["red_site"] = self.red_site.localized if self.red_site_id else None
        return context

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        data["@type"] = ["TouristAttraction", "EducationalOrganization"]
        if coordinates := self.get_coordinates():
            data["geo"] = geo_json_ld(*coordinates)
        if self.operator:
            data["parentOrganization"] = self.operator.get_json_ld()
        if address := self.get_address():
            data["address"] = address
        location = {"@type": "Place", "name": self.title, "address": address or self.title}
        if "geo" in data:
            location["geo"] = data["geo"]
        # The page view already loaded its sessions; reuse them, no second query.
        sessions = getattr(request, "_education_sessions", None)
        if sessions is None:
            sessions = self.upcoming_sessions()
        events = [
            session.get_json_ld(self, request, location)
            for session in sessions
            if not session.is_past
        ]
        if events:
            data["event"] = events
        return data
