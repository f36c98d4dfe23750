"""Red sites and scenic spots, and the index page that lists them."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.cards import related_cards
from core.choices import City
from core.editorial.cities import CityScopedPage
from core.editorial.pages import EditorialPage
from core.fields import (
    coordinate_fields,
    image_alt_field,
    image_field,
    optional_link,
    related_pages_field,
    source_snippets,
    summary_field,
)
from core.geo import geo_json_ld, map_links
from core.localize import localize_snippets
from core.maps import render_location_map
from core.models import ListingPage, stream_page_ids
from core.seo import PageMetaMixin, tabbed

from ..blocks import SITE_CHOOSER, SiteBodyBlock


class RedSiteIndexPage(ListingPage):
    """The list of red sites, grouped by city."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["tourism.RedSitePage"]
    listing_order = ["city", "county", "title"]
    card_snippets = {"spirits": "spirit_list"}
    # Grouped by city on one page: a page break would split a city's group.
    per_page = None

    class Meta:
        verbose_name = _("红色景点列表")
        verbose_name_plural = pgettext_lazy("plural", "红色景点列表")

    def get_listed_pages(self):
        return super().get_listed_pages().select_related("operator")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sites = context["listed_pages"]
        labels = dict(City.choices)
        context["city_groups"] = [
            {"city": code, "label": labels[code], "sites": [s for s in sites if s.city == code]}
            for code in City.values
            if any(s.city == code for s in sites)
        ]
        return context


class RedSitePage(EditorialPage, CityScopedPage, PageMetaMixin, Page):
    """A red site or scenic spot: where it is, when it opens, what happened there."""

    summary = summary_field()
    image = image_field()
    image_alt = image_alt_field()
    city = models.CharField(
        _("城市"), max_length=10, choices=City.choices, help_text=_("景点所在的城市。")
    )
    county = models.CharField(
        _("区县"),
        max_length=40,
        blank=True,
        help_text=_("例如“宝塔区”“延川县”；帮助游客了解位置。"),
    )
    address = models.CharField(
        _("地址"), max_length=200, blank=True, help_text=_("可以交给出租车司机的详细地址。")
    )
    latitude, longitude = coordinate_fields(
        _("WGS-84（GPS）纬度，-90 至 90，例如 36.594000；不要填高德坐标。"),
        _("WGS-84（GPS）经度，-180 至 180，例如 109.500000；不要填高德坐标。"),
    )
    opening_hours = models.TextField(
        _("开放时间"),
        max_length=400,
        blank=True,
        help_text=_("例如“8:00–18:00（周一闭馆，节假日除外）”；淡旺季不同请分行写明。"),
    )
    ticket_notes = models.TextField(
        _("门票与预约"),
        max_length=600,
        blank=True,
        help_text=_("票价、免票政策、是否需要实名预约以及预约渠道。"),
    )
    accessibility_notes = models.TextField(
        _("无障碍信息"),
        max_length=600,
        blank=True,
        help_text=_("台阶、坡道、轮椅租借、无障碍卫生间等；帮助行动不便的游客做准备。"),
    )
    spirits = source_snippets(
        "tourism.Spirit",
        _("体现的精神"),
        "red_sites",
        _("这处景点与哪种精神相关；用于筛选和推荐。"),
    )
    operator = optional_link(
        "tourism.Partner", _("运营机构"), _("负责运营或售票的合作机构。"), "operated_sites"
    )
    body = StreamField(
        SiteBodyBlock(),
        blank=True,
        verbose_name=_("正文"),
        help_text=_("历史、看点和参观建议：正文、图片、引文、图集和历史时间线。"),
    )
    related_sites = related_pages_field(
        [SITE_CHOOSER],
        max_num=6,
        verbose_name=_("相关景点"),
        help_text=_("最多六处，可顺路参观的景点。"),
    )

    card_image_field = "image"
    og_type = "place"
    parent_page_types = ["tourism.RedSiteIndexPage"]
    subpage_types = []
    override_translatable_fields = [SynchronizedField("spirits")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("county"),
        index.SearchField("address"),
        index.SearchField("body"),
        index.FilterField("city"),
        index.RelatedFields("operator", [index.SearchField("name")]),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("county")]),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("位置"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldPanel("ticket_notes"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("参观信息"),
        ),
        FieldPanel("spirits", widget=forms.CheckboxSelectMultiple),
        FieldPanel("operator"),
        FieldPanel("body"),
        FieldPanel("related_sites"),
    ]
    edit_handler = tabbed(content_panels)

    class Meta:
        verbose_name = _("红色景点")
        verbose_name_plural = pgettext_lazy("plural", "红色景点")

    @classmethod
    def chooser_start_page(cls):
        """Where a red-site chooser opens (core.chooser): the Chinese index, as stops are chosen
        in Chinese and the English page shows their English versions."""
        return RedSiteIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()

    def get_card_summary(self):
        return self.summary

    def get_card_meta(self):
        return " · ".join(str(p) for p in (self.get_city_display(), self.county) if p)

    @cached_property
    def map_links(self):
        return map_links(self.latitude, self.longitude, self.title)

    def location_map(self):
        return render_location_map(self)

    def localized_spirits(self):
        return localize_snippets(self.spirits.all(), self.locale)

    def related_site_pages(self):
        return related_cards(stream_page_ids(self.related_sites, "site"), self)

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        data.update(
            {
                "@type": "TouristAttraction",
                "description": self.summary,
                "geo": geo_json_ld(self.latitude, self.longitude),
                "address": {
                    "@type": "PostalAddress",
                    "addressCountry": "CN",
                    "addressLocality": str(self.get_city_display()),
                    **({"streetAddress": self.address} if self.address else {}),
                    **({"addressRegion": self.county} if self.county else {}),
                },
            }
        )
        if self.operator_id:
            data["provider"] = self.operator.get_json_ld()
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["spirit_list"] = self.localized_spirits()
        context["related_pages"] = self.related_site_pages()
        return context
