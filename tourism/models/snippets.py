"""Snippets: the three spirits, partner organisations and scheduled flights."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.fields import ChoiceListField, choice_labels, image_field

from ..choices import PartnerCity, PartnerKind, Weekday

IATA_AIRPORT = RegexValidator(
    r"^[A-Z]{3}$", _("请输入三个大写字母的 IATA 机场代码，例如 ENY。"), code="iata_airport"
)
FLIGHT_NUMBER = RegexValidator(
    # Airline designators are two letters, or a letter and a digit (3U, G5).
    r"^(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\d{1,4}[A-Z]?$",
    _("请输入航班号，例如 DR6551：两位航司代码加一到四位数字。"),
    code="flight_number",
)

SLUG_HELP = _("网址和筛选参数中使用的英文标识，例如 yanan-spirit；两种语言共用，请勿随意修改。")


class SluggedSnippet(TranslatableMixin, index.Indexed, models.Model):
    """A translatable snippet with a `name`, known in URLs and filters by a slug both
    languages share."""

    slug = models.SlugField(_("标识"), max_length=60, help_text=SLUG_HELP)

    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="%(app_label)s_%(class)s_unique_slug"
            )
        ]

    def __str__(self):
        return self.name


class Spirit(SluggedSnippet):
    """One of the three spirits (Yan'an, Nanniwan, Zhang Side): a shared taxonomy."""

    name = models.CharField(_("名称"), max_length=60, help_text=_("例如“延安精神”。"))
    short_description = models.TextField(
        _("简介"), max_length=400, help_text=_("一两句话说明这种精神的内涵。")
    )
    image = image_field(_("可选；替代文本取自图片的“描述”。"), _("图片"))

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_description"),
        FieldPanel("image"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_description"),
        index.FilterField("locale_id"),
    ]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("精神")
        verbose_name_plural = pgettext_lazy("plural", "精神")


class Partner(SluggedSnippet):
    """An organisation that runs sites or offers products: tourism groups, academies, schools."""

    name = models.CharField(_("名称"), max_length=120, help_text=_("机构全称。"))
    short_name = models.CharField(
        _("简称"), max_length=40, blank=True, help_text=_("版面紧张处使用，例如“延旅集团”。")
    )
    logo = image_field(_("机构标志；替代文本取自图片的“描述”。"), _("标志"))
    city = models.CharField(
        _("所在城市"),
        max_length=10,
        choices=PartnerCity.choices,
        help_text=_("机构总部所在城市。"),
    )
    kind = models.CharField(
        _("类型"), max_length=20, choices=PartnerKind.choices, help_text=_("机构类型。")
    )
    website = models.URLField(_("网站"), blank=True, help_text=_("官方网站，以 https:// 开头。"))
    booking_url = models.URLField(
        _("预订链接"), blank=True, help_text=_("在线预订或购票页面，以 https:// 开头。")
    )
    hotline = models.CharField(
        _("咨询热线"), max_length=40, blank=True, help_text=_("例如 0911-1234567。")
    )
    description = models.TextField(
        _("介绍"), max_length=1000, blank=True, help_text=_("几句话介绍这个机构及其合作角色。")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("logo")],
            heading=_("名称"),
        ),
        FieldRowPanel([FieldPanel("city"), FieldPanel("kind")]),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("booking_url"), FieldPanel("hotline")],
            heading=_("联系方式"),
        ),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
        index.FilterField("kind"),
    ]
    override_translatable_fields = [
        *SluggedSnippet.override_translatable_fields,
        SynchronizedField("hotline"),
    ]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("合作机构")
        verbose_name_plural = pgettext_lazy("plural", "合作机构")

    @property
    def display_name(self):
        return self.short_name or self.name

    def get_json_ld(self):
        data = {"@type": "Organization", "name": self.name}
        if self.website:
            data["url"] = self.website
        if self.hotline:
            data["telephone"] = self.hotline
        return data


# Airports the site knows by name; any other valid code is shown as the code itself.
AIRPORT_NAMES = {
    "ENY": _("延安南泥湾机场"),
    "WUX": _("无锡苏南硕放国际机场"),
    "XIY": _("西安咸阳国际机场"),
    "PVG": _("上海浦东国际机场"),
    "SHA": _("上海虹桥国际机场"),
    "NKG": _("南京禄口国际机场"),
    "PEK": _("北京首都国际机场"),
}


class CodeField(models.CharField):
    """Airport and flight codes: editors type them in any case, with stray spaces."""

    def to_python(self, value):
        value = super().to_python(value)
        return re.sub(r"\s+", "", value).upper() if value else value


class FlightQuerySet(models.QuerySet):
    def valid_on(self, day=None):
        """Flights whose schedule covers `day` (today, in the site's time zone)."""
        day = day or timezone.localdate()
        return self.filter(valid_from__lte=day, valid_to__gte=day)


class Flight(index.Indexed, models.Model):
    """A scheduled flight, shown only while its validity period lasts.

    Schedules change every season, so a flight is data with dates rather than a
    sentence in a page. It is not translated: codes, times and dates are the same
    in both languages, and the airline's English name has its own field.
    """

    airline = models.CharField(_("航空公司"), max_length=60, help_text=_("例如“瑞丽航空”。"))
    airline_en = models.CharField(
        _("航空公司（英文）"),
        max_length=80,
        blank=True,
        help_text=_("英文页面显示的名称，例如 Ruili Airlines；留空则显示中文名称。"),
    )
    flight_number = CodeField(
        _("航班号"), max_length=8, validators=[FLIGHT_NUMBER], help_text=_("例如 DR6551。")
    )
    origin = CodeField(
        _("出发机场"),
        max_length=3,
        validators=[IATA_AIRPORT],
        help_text=_("三字母 IATA 代码，例如 WUX（无锡）。"),
    )
    destination = CodeField(
        _("到达机场"),
        max_length=3,
        validators=[IATA_AIRPORT],
        help_text=_("三字母 IATA 代码，例如 ENY（延安）。"),
    )
    days_of_week = ChoiceListField(
        _("执飞日"),
        choices=Weekday.choices,
        blank=False,
        help_text=_("每周哪几天执飞。"),
    )
    departure_time = models.TimeField(_("起飞时间"), help_text=_("当地时间，例如 11:20。"))
    arrival_time = models.TimeField(_("到达时间"), help_text=_("当地时间，例如 14:00。"))
    valid_from = models.DateField(_("有效期起"), help_text=_("本航季时刻表的第一天。"))
    valid_to = models.DateField(
        _("有效期止"), help_text=_("本航季时刻表的最后一天；过期后页面不再显示该航班。")
    )

    objects = FlightQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("airline"), FieldPanel("airline_en")]),
        FieldRowPanel([FieldPanel("flight_number")]),
        FieldRowPanel([FieldPanel("origin"), FieldPanel("destination")]),
        FieldPanel("days_of_week"),
        FieldRowPanel([FieldPanel("departure_time"), FieldPanel("arrival_time")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
    ]
    search_fields = [
        index.SearchField("airline"),
        index.SearchField("airline_en"),
        index.SearchField("flight_number"),
        index.AutocompleteField("flight_number"),
    ]

    class Meta:
        verbose_name = _("航班")
        verbose_name_plural = pgettext_lazy("plural", "航班")
        ordering = ["valid_from", "departure_time"]

    def __str__(self):
        return f"{self.flight_number} {self.origin}→{self.destination}"

    def clean(self):
        errors = {}
        if self.origin and self.origin == self.destination:
            errors["destination"] = _("到达机场不能与出发机场相同。")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("有效期止不能早于有效期起。")
        if errors:
            raise ValidationError(errors)

    @property
    def display_airline(self):
        if get_language() == "en":
            return self.airline_en or self.airline
        return self.airline

    @property
    def origin_name(self):
        return AIRPORT_NAMES.get(self.origin, self.origin)

    @property
    def destination_name(self):
        return AIRPORT_NAMES.get(self.destination, self.destination)

    @property
    def weekday_labels(self):
        return choice_labels(Weekday, sorted(self.days_of_week))

    @property
    def is_daily(self):
        return len(set(self.days_of_week)) == 7

    def is_valid_on(self, day=None):
        day = day or timezone.localdate()
        return self.valid_from <= day <= self.valid_to

    @property
    def arrives_next_day(self):
        return self.arrival_time < self.departure_time

    def duration(self):
        start = datetime.datetime.combine(datetime.date.min, self.departure_time)
        end = datetime.datetime.combine(datetime.date.min, self.arrival_time)
        if end < start:
            end += datetime.timedelta(days=1)
        return end - start
