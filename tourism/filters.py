"""The filters of the route and joint offering listings (see core.filters)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import choice_filter
from core.filters import ListingFilterForm, any_choice, snippet_choices

from .choices import Audience, OfferingKind, RouteRegion

DURATIONS = [
    ("1", _("一日游")),
    ("2-3", _("二至三天")),
    ("4+", _("四天及以上")),
]
DURATION_LOOKUPS = {
    "1": {"days": 1},
    "2-3": {"days__gte": 2, "days__lte": 3},
    "4+": {"days__gte": 4},
}


def partners_linked_by(partners, relation, locale):
    """The partners in `locale` that some page links to through `relation`.

    Pages link to the source-language snippets, so the link is looked up on
    any translation and the partner offered in the listing's language.
    """
    linked = partners.filter(**{f"{relation}__isnull": False}).values("translation_key")
    return partners.filter(locale=locale, translation_key__in=linked)


class RouteFilterForm(ListingFilterForm):
    city = forms.ChoiceField(
        label=_("城市"),
        required=False,
        choices=any_choice(_("全部城市"))
        + [
            (RouteRegion.YANAN, _("延安")),
            (RouteRegion.WUXI, _("无锡")),
            (RouteRegion.BOTH, _("延安＋无锡双城")),
        ],
    )
    duration = forms.ChoiceField(
        label=_("天数"), required=False, choices=any_choice(_("不限天数")) + DURATIONS
    )
    spirit = forms.ChoiceField(label=_("精神"), required=False)
    audience = forms.ChoiceField(
        label=_("适合人群"), required=False, choices=any_choice(_("所有人群")) + Audience.choices
    )
    partner = forms.ChoiceField(label=_("合作机构"), required=False)

    def __init__(self, data, *, spirits, partners, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["spirit"].choices = snippet_choices(_("全部精神"), spirits)
        self.fields["partner"].choices = snippet_choices(_("全部机构"), partners, "display_name")

    def filter(self, queryset):
        values = self.active()
        if city := values.get("city"):
            # A twin-city route belongs to both cities.
            regions = [city] if city == RouteRegion.BOTH else [city, RouteRegion.BOTH]
            queryset = queryset.filter(region__in=regions)
        if duration := values.get("duration"):
            queryset = queryset.filter(**DURATION_LOOKUPS[duration])
        if audience := values.get("audience"):
            queryset = queryset.filter(**choice_filter("audiences", audience))
        # Links to snippets are the same on both languages' pages (see localize.py),
        # and slugs are shared, so one lookup serves both.
        if spirit := values.get("spirit"):
            queryset = queryset.filter(spirits__slug=spirit).distinct()
        if partner := values.get("partner"):
            queryset = queryset.filter(operators__slug=partner).distinct()
        return queryset


class OfferingFilterForm(ListingFilterForm):
    partner = forms.ChoiceField(label=_("合作机构"), required=False)
    kind = forms.ChoiceField(
        label=_("类型"), required=False, choices=any_choice(_("全部类型")) + OfferingKind.choices
    )

    def __init__(self, data, *, partners, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["partner"].choices = snippet_choices(_("全部机构"), partners, "display_name")

    def filter(self, queryset):
        values = self.active()
        if kind := values.get("kind"):
            queryset = queryset.filter(kind=kind)
        if partner := values.get("partner"):
            queryset = queryset.filter(partners__slug=partner).distinct()
        return queryset
