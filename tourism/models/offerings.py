"""Joint offerings: products the partner groups of both cities sell together."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES, ListItemsBlock
from core.cards import related_cards
from core.editorial.cities import CityScopedPage, expand
from core.editorial.pages import EditorialPage
from core.fields import (
    image_alt_field,
    image_field,
    related_pages_field,
    source_snippets,
    summary_field,
)
from core.localize import localize_snippets
from core.models import ListingPage
from core.seo import PageMetaMixin, tabbed

from ..blocks import ROUTE_CHOOSER, SITE_CHOOSER
from ..choices import OfferingKind
from ..filters import OfferingFilterForm, partners_linked_by
from .snippets import Partner


def not_ended(day=None):
    """Offerings still on sale on `day` (today by default), including future ones."""
    day = day or timezone.localdate()
    return Q(valid_to__isnull=True) | Q(valid_to__gte=day)


class JointOfferingIndexPage(ListingPage):
    """Current joint offerings, filterable by partner and kind."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["tourism.JointOfferingPage"]
    listing_order = ["valid_to", "title"]
    filter_form_class = OfferingFilterForm
    card_snippets = {"partners": "partner_list"}
    results_heading = _("符合条件的合作产品")
    empty_message = _("目前没有符合条件的合作产品。")
    card_template = "tourism/includes/offering_card.html"

    class Meta:
        verbose_name = _("合作产品列表")
        verbose_name_plural = pgettext_lazy("plural", "合作产品列表")

    def get_filter_form_kwargs(self):
        return {"partners": partners_linked_by(Partner.objects, "joint_offerings", self.locale)}

    def get_listed_pages(self):
        return super().get_listed_pages().filter(not_ended())


class JointOfferingPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", gettext("结束日期不能早于开始日期。"))
        return cleaned


class JointOfferingPage(EditorialPage, CityScopedPage, PageMetaMixin, Page):
    """A product made together by partner groups: a package, ticket bundle, show or event."""

    summary = summary_field()
    image = image_field()
    image_alt = image_alt_field()
    partners = source_snippets(
        "tourism.Partner",
        _("合作机构"),
        "joint_offerings",
        _("至少选择一个；联合产品通常由两市的集团共同推出。"),
        blank=False,
    )
    kind = models.CharField(
        _("类型"), max_length=20, choices=OfferingKind.choices, help_text=_("产品类型；用于筛选。")
    )
    valid_from = models.DateField(
        _("开始日期"), null=True, blank=True, help_text=_("开始销售或活动开始的日期。")
    )
    valid_to = models.DateField(
        _("结束日期"),
        null=True,
        blank=True,
        help_text=_("过了这一天，产品从列表中消失，页面显示“已结束”；长期有效请留空。"),
    )
    price_from = models.DecimalField(
        _("起价（元）"),
        max_digits=8,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("每人或每份最低价格，人民币；免费请填 0，不确定时留空。"),
    )
    description = RichTextField(
        _("介绍"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("产品亮点和参加方式。"),
    )
    includes = StreamField(
        ListItemsBlock(),
        blank=True,
        verbose_name=_("包含内容"),
        help_text=_("每项一条，例如“宝塔山门票”。"),
    )
    booking_url = models.URLField(
        _("购买链接"),
        blank=True,
        help_text=_("本产品的购买页面；留空则显示合作机构的预订链接和热线。"),
    )
    booking_hotline = models.CharField(
        _("购买热线"), max_length=40, blank=True, help_text=_("本产品的专线电话，可留空。")
    )
    related = related_pages_field(
        [ROUTE_CHOOSER, SITE_CHOOSER],
        max_num=8,
        verbose_name=_("相关线路和景点"),
        help_text=_("最多八个，显示在页面底部。"),
    )

    base_form_class = JointOfferingPageForm
    card_image_field = "image"
    og_type = "product"
    parent_page_types = ["tourism.JointOfferingIndexPage"]
    subpage_types = []
    override_translatable_fields = [
        SynchronizedField("partners"),
        SynchronizedField("booking_hotline"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("valid_to"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                FieldPanel("price_from"),
            ],
            heading=_("产品信息"),
        ),
        FieldPanel("description"),
        FieldPanel("includes"),
        MultiFieldPanel(
            [FieldPanel("booking_url"), FieldPanel("booking_hotline")], heading=_("购买方式")
        ),
        FieldPanel("related"),
    ]
    edit_handler = tabbed(content_panels)

    class Meta:
        verbose_name = _("合作产品")
        verbose_name_plural = pgettext_lazy("plural", "合作产品")

    def get_card_summary(self):
        return self.summary

    def get_card_meta(self):
        return str(self.get_kind_display())

    @property
    def has_ended(self):
        return self.valid_to is not None and self.valid_to < timezone.localdate()

    @property
    def not_started(self):
        return self.valid_from is not None and self.valid_from > timezone.localdate()

    # An offering belongs to the cities of its partners.

    def editorial_cities(self):
        return expand(self.partners.values_list("city", flat=True))

    @classmethod
    def cities_from_form_data(cls, data):
        chosen = [pk for pk in data.getlist("partners") if pk.isdigit()]
        return expand(Partner.objects.filter(pk__in=chosen).values_list("city", flat=True))

    @cached_property
    def localized_partners(self):
        return localize_snippets(self.partners.all(), self.locale)

    def related_pages(self):
        # Routes and sites share one stream so that editors set a single order.
        return related_cards(
            [block["value"] for block in self.related.raw_data if block["value"]], self
        )

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        organisations = [partner.get_json_ld() for partner in self.localized_partners]
        offer = {
            "@type": "Offer",
            "url": data["url"],
            "priceCurrency": "CNY",
            "offeredBy": organisations,
            "availability": "https://schema.org/"
            + ("Discontinued" if self.has_ended else "InStock"),
        }
        if self.price_from is not None:
            offer["price"] = str(self.price_from)
        if self.valid_from:
            offer["validFrom"] = self.valid_from.isoformat()
        if self.valid_to:
            offer["validThrough"] = self.valid_to.isoformat()
        data.update(
            {
                "@type": "Product",
                "description": self.summary,
                "category": str(self.get_kind_display()),
                "brand": organisations,
                "offers": offer,
            }
        )
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_list"] = self.localized_partners
        context["related_pages"] = self.related_pages()
        return context
