"""Open the page chooser where the wanted pages are.

Without a parent page, Wagtail's page chooser opens at the nearest common
ancestor of every page of the wanted type; with one tree per language that is
the root, every time. A page type may name where its chooser opens with a
`chooser_start_page()` classmethod (a red site's: the Chinese red-site
index); this middleware sends the chooser there. Browsing further and
searching work as before.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin
from wagtail.admin.views.chooser import page_models_from_string


class ChooserStartMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name != "wagtailadmin_choose_page":
            return None
        try:
            models = page_models_from_string(request.GET.get("page_type", ""))
        except (ValueError, LookupError):
            return None  # Wagtail answers 404
        if len(models) != 1 or not hasattr(models[0], "chooser_start_page"):
            return None
        start = models[0].chooser_start_page()
        if start is None:
            return None
        url = reverse("wagtailadmin_choose_page_child", args=[start.pk])
        return redirect(f"{url}?{request.GET.urlencode()}")
