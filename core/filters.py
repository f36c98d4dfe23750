"""Listing filters and pages read from GET parameters: forgiving, accessible, without JavaScript.

A link shared with a stale or mistyped parameter must still show a listing,
so invalid values are dropped (and the visitor told) instead of raising.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.forms.utils import ErrorDict

PER_PAGE = 12
# Longer values are never valid choices; cut them before they reach a form.
MAX_PARAM_LENGTH = 100


def any_choice(label):
    """The empty first choice of a filter: no restriction."""
    return [("", label)]


def snippet_choices(label, snippets, name="name"):
    """`label` for all, then each snippet by slug (slugs are the same in every language)."""
    return any_choice(label) + [(snippet.slug, getattr(snippet, name)) for snippet in snippets]


class ListingFilterForm(forms.Form):
    """Base form: every field optional, invalid ones dropped rather than reported.

    Subclasses declare optional ChoiceFields and implement `filter(queryset)`
    over `self.active()`.
    """

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

    def filter(self, queryset):
        raise NotImplementedError


def paginate(request, queryset, per_page, count=None):
    """The requested page of results; a bad page number gives the first or last page.

    `count` is how many results there are, when the caller knows already:
    the paginator then does not count them again.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # shadows the cached_property that would ask the database
    raw = request.GET.get("page", "1")[:MAX_PARAM_LENGTH]
    return paginator.get_page(raw)
