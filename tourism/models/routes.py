"""Red tourism routes with day-by-day itineraries, and the filterable route listing."""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import ListItemsBlock
from core.cards import localized_cards, related_cards
from core.choices import City
from core.editorial.cities import CityScopedPage
from core.editorial.pages import EditorialPage
from core.fields import (
    ChoiceListField,
    choice_labels,
    image_alt_field,
    image_field,
    related_pages_field,
    source_snippets,
    summary_field,
)
from core.geo import geo_json_ld
from core.localize import localize_snippets
from core.maps import MapPoint, render_svg_map
from core.models import ListingPage, stream_page_ids
from core.origin import page_url
from core.seo import PageMetaMixin, tabbed

from ..blocks import ROUTE_CHOOSER, ItineraryBlock
from ..choices import Audience, Meal, Pace, RouteRegion, Season
from ..filters import RouteFilterForm, partners_linked_by
from .snippets import Partner, Spirit


class RouteIndexPage(ListingPage):
    """All routes, filterable by city, duration, spirit, audience and partner."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["tourism.RoutePage"]
    listing_order = ["days", "title"]
    filter_form_class = RouteFilterForm
    card_snippets = {"spirits": "spirit_list"}
    results_heading = _("符合条件的线路")
    empty_message = _("没有符合条件的线路。")
    card_template = "tourism/includes/route_card.html"

    class Meta:
        verbose_name = _("线路列表")
        verbose_name_plural = pgettext_lazy("plural", "线路列表")

    def get_filter_form_kwargs(self):
        # Partners are offered only if they run a route.
        return {
            "spirits": Spirit.objects.filter(locale=self.locale),
            "partners": partners_linked_by(Partner.objects, "routes", self.locale),
        }


class RoutePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        days, itinerary = cleaned.get("days"), cleaned.get("itinerary")
        if days and itinerary and len(itinerary) and len(itinerary) != days:
            self.add_error(
                "days",
                gettext("天数（%(days)d）与行程中的天数（%(count)d）不一致。")
                % {"days": days, "count": len(itinerary)},
            )
        return cleaned


class RoutePage(EditorialPage, CityScopedPage, PageMetaMixin, Page):
    """A red tourism route: the facts a traveller compares, then the day-by-day plan."""

    summary = summary_field()
    hero_image = image_field()
    image_alt = image_alt_field()
    days = models.PositiveSmallIntegerField(
        _("天数"),
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("行程总天数，须与下方行程中的天数一致。"),
    )
    start_city = models.CharField(
        _("出发城市"), max_length=10, choices=City.choices, help_text=_("行程从哪座城市开始。")
    )
    end_city = models.CharField(
        _("结束城市"), max_length=10, choices=City.choices, help_text=_("行程在哪座城市结束。")
    )
    region = models.CharField(
        _("城市范围"),
        max_length=10,
        choices=RouteRegion.choices,
        help_text=_("线路覆盖的城市；两市联游请选“双城”。用于列表筛选。"),
    )
    audiences = ChoiceListField(
        _("适合人群"),
        choices=Audience.choices,
        help_text=_("可多选；用于列表筛选。"),
    )
    spirits = source_snippets(
        "tourism.Spirit",
        _("体现的精神"),
        "routes",
        _("线路主题；用于列表筛选。"),
    )
    best_seasons = ChoiceListField(
        _("最佳季节"), choices=Season.choices, help_text=_("最适合出行的季节，可多选。")
    )
    pace = models.CharField(
        _("节奏"),
        max_length=10,
        choices=Pace.choices,
        default=Pace.MODERATE,
        help_text=_("每天的步行和参观强度。"),
    )
    price_from = models.DecimalField(
        _("起价（元）"),
        max_digits=8,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("每人最低价格，人民币；不确定时留空。"),
    )
    transport_notes = models.TextField(
        _("交通说明"),
        max_length=1000,
        blank=True,
        help_text=_("如何到达出发地、当地交通方式等。"),
    )
    flights = ParentalManyToManyField(
        "tourism.Flight",
        verbose_name=_("相关航班"),
        blank=True,
        related_name="routes",
        help_text=_("行程使用的航班；只在航班有效期内显示。"),
    )
    included = StreamField(
        ListItemsBlock(),
        blank=True,
        verbose_name=_("费用包含"),
        help_text=_("每项一条，例如“景区首道门票”。"),
    )
    not_included = StreamField(
        ListItemsBlock(),
        blank=True,
        verbose_name=_("费用不含"),
        help_text=_("每项一条，例如“往返大交通”。"),
    )
    operators = source_snippets(
        "tourism.Partner",
        _("运营机构"),
        "routes",
        _("组织或销售这条线路的合作机构；用于列表筛选。"),
    )
    itinerary = StreamField(
        ItineraryBlock(),
        blank=True,
        verbose_name=_("行程"),
        help_text=_("按顺序添加每一天，每天按参观顺序添加站点。"),
    )
    related_routes = related_pages_field(
        [ROUTE_CHOOSER],
        max_num=6,
        verbose_name=_("相关线路"),
        help_text=_("最多六条，显示在页面底部。"),
    )

    base_form_class = RoutePageForm
    card_image_field = "hero_image"
    og_type = "article"
    parent_page_types = ["tourism.RouteIndexPage"]
    subpage_types = []
    override_translatable_fields = [
        SynchronizedField("spirits"),
        SynchronizedField("operators"),
        SynchronizedField("flights"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("transport_notes"),
        index.SearchField("itinerary"),
        index.FilterField("region"),
        index.FilterField("days"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("image_alt"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("days"), FieldPanel("pace")]),
                FieldRowPanel(
                    [FieldPanel("start_city"), FieldPanel("end_city"), FieldPanel("region")]
                ),
                FieldPanel("audiences"),
                FieldPanel("best_seasons"),
                FieldPanel("price_from"),
            ],
            heading=_("线路概况"),
        ),
        FieldPanel("spirits", widget=forms.CheckboxSelectMultiple),
        FieldPanel("operators", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("transport_notes"), FieldPanel("flights")],
            heading=_("交通"),
        ),
        FieldPanel("included"),
        FieldPanel("not_included"),
        FieldPanel("related_routes"),
    ]
    itinerary_panels = [FieldPanel("itinerary")]
    edit_handler = tabbed(content_panels, itinerary_panels, _("行程"))

    class Meta:
        verbose_name = _("红色旅游线路")
        verbose_name_plural = pgettext_lazy("plural", "红色旅游线路")

    def get_card_summary(self):
        return self.summary

    def get_card_meta(self):
        days = ngettext("%(days)d天", "%(days)d天", self.days) % {"days": self.days}
        return f"{days} · {self.get_region_display()}"

    @cached_property
    def itinerary_days(self):
        """The days, each with its stops resolved to live sites in this page's language.

        Read from raw stream data so that all stop pages of the route load in
        one bulk query (with their images), however many days and stops.
        """
        raw_days = [block["value"] for block in self.itinerary.raw_data if block["type"] == "day"]
        site_ids = [
            stop["value"]["site"] if "value" in stop else stop.get("site")
            for day in raw_days
            for stop in day.get("stops", [])
        ]
        sites = localized_cards([pk for pk in site_ids if pk], self.locale)
        meal_labels = dict(Meal.choices)
        days, number = [], 0
        for day_number, day in enumerate(raw_days, start=1):
            stops = []
            for stop in day.get("stops", []):
                stop = stop.get("value", stop)
                site = sites.get(stop.get("site"))
                if site is None:
                    continue
                number += 1
                stops.append(
                    {
                        "number": number,
                        "site": site,
                        "time": _parse_time(stop.get("time")),
                        "note": stop.get("note", ""),
                    }
                )
            days.append(
                {
                    "number": day_number,
                    "title": day.get("title", ""),
                    "description": day.get("description", ""),
                    "stops": stops,
                    "meals": [meal_labels[m] for m in day.get("meals") or [] if m in meal_labels],
                    "overnight": day.get("overnight", ""),
                }
            )
        return days

    @property
    def audience_labels(self):
        return choice_labels(Audience, self.audiences)

    @property
    def season_labels(self):
        return choice_labels(Season, self.best_seasons)

    @cached_property
    def localized_operators(self):
        return localize_snippets(self.operators.all(), self.locale)

    @property
    def stops(self):
        return [stop for day in self.itinerary_days for stop in day["stops"]]

    def route_map(self):
        points = [
            MapPoint(
                float(stop["site"].latitude),
                float(stop["site"].longitude),
                stop["site"].title,
            )
            for stop in self.stops
        ]
        return render_svg_map(
            points,
            title=gettext("%(route)s 路线图") % {"route": self.title},
            description=gettext("按参观顺序编号的站点示意图："),
        )

    def current_flights(self):
        return [flight for flight in self.flights.all() if flight.is_valid_on()]

    def related_route_pages(self):
        return related_cards(stream_page_ids(self.related_routes, "route"), self)

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        places = []
        for position, stop in enumerate(self.stops, start=1):
            site = stop["site"]
            places.append(
                {
                    "@type": "ListItem",
                    "position": position,
                    "item": {
                        "@type": "TouristAttraction",
                        "name": site.title,
                        "url": page_url(site, request),
                        "geo": geo_json_ld(site.latitude, site.longitude),
                    },
                }
            )
        data.update(
            {
                "@type": "TouristTrip",
                "description": self.summary,
                "touristType": [str(label) for label in self.audience_labels],
                "itinerary": {
                    "@type": "ItemList",
                    "numberOfItems": len(places),
                    "itemListElement": places,
                },
            }
        )
        if self.localized_operators:
            data["provider"] = [partner.get_json_ld() for partner in self.localized_operators]
        if self.price_from is not None:
            data["offers"] = {
                "@type": "Offer",
                "price": str(self.price_from),
                "priceCurrency": "CNY",
                "url": data["url"],
            }
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "spirit_list": localize_snippets(self.spirits.all(), self.locale),
                "operator_list": self.localized_operators,
                "flight_list": self.current_flights(),
                "related_pages": self.related_route_pages(),
                "route_map": self.route_map(),
            }
        )
        return context


def _parse_time(value):
    if not value:
        return None
    try:
        return datetime.time.fromisoformat(value)
    except (TypeError, ValueError):
        return None
