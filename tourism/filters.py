"""Listing filters read from GET parameters: forgiving, accessible, without JavaScript.

A link shared with a stale or mistyped parameter must still show a listing,
so invalid values are dropped (and the visitor told) instead of raising.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from core.fields import choice_filter

from .choices import Audience, OfferingKind, RouteRegion

PER_PAGE = 12
# Longer values are never valid choices; cut them before they reach a form.
MAX_PARAM_LENGTH = 100

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


def _any(label):
    return [("", label)]


class ListingFilterForm(forms.Form):
    """Base form: every field optional, invalid ones dropped rather than reported."""

    def __init__(self, data, *args, **kwargs):
        data = {key: data.get(key, "")[:MAX_PARAM_LENGTH] for key in self.base_fields}
        super().__init__(data, *args, **kwargs)
        self._active = None
        self.ignored = False

    def active(self):
        """The valid, non-empty filter values.

        Invalid values are dropped and the form re-rendered as if they had not
        been sent, so that the select shows "all" rather than an error the
        visitor never made (a stale link, a typo in a shared URL).
        """
        if self._active is None:
            self.is_valid()
            self.ignored = bool(self.errors)
            for name in list(self.errors):
                self.data[name] = ""
            self._errors = ErrorDict()
            self._active = {key: value for key, value in self.cleaned_data.items() if value}
        return self._active

    def query_string(self):
        """The active filters as a query string, for pagination links."""
        return urlencode(self.active())


class RouteFilterForm(ListingFilterForm):
    city = forms.ChoiceField(
        label=_("城市"),
        required=False,
        choices=_any(_("全部城市"))
        + [
            (RouteRegion.YANAN, _("延安")),
            (RouteRegion.WUXI, _("无锡")),
            (RouteRegion.BOTH, _("延安＋无锡双城")),
        ],
    )
    duration = forms.ChoiceField(
        label=_("天数"), required=False, choices=_any(_("不限天数")) + DURATIONS
    )
    spirit = forms.ChoiceField(label=_("精神"), required=False)
    audience = forms.ChoiceField(
        label=_("适合人群"), required=False, choices=_any(_("所有人群")) + Audience.choices
    )
    partner = forms.ChoiceField(label=_("合作机构"), required=False)

    def __init__(self, data, *, spirits, partners, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["spirit"].choices = _any(_("全部精神")) + [(s.slug, s.name) for s in spirits]
        self.fields["partner"].choices = _any(_("全部机构")) + [
            (p.slug, p.display_name) for p in partners
        ]

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
        label=_("类型"), required=False, choices=_any(_("全部类型")) + OfferingKind.choices
    )

    def __init__(self, data, *, partners, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["partner"].choices = _any(_("全部机构")) + [
            (p.slug, p.display_name) for p in partners
        ]

    def filter(self, queryset):
        values = self.active()
        if kind := values.get("kind"):
            queryset = queryset.filter(kind=kind)
        if partner := values.get("partner"):
            queryset = queryset.filter(partners__slug=partner).distinct()
        return queryset


def paginate(request, queryset):
    """The requested page of results; a bad page number gives the first or last page."""
    paginator = Paginator(queryset, PER_PAGE)
    raw = request.GET.get("page", "1")[:MAX_PARAM_LENGTH]
    return paginator.get_page(raw)
