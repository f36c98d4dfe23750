"""The editors' admin: city scoping, translation review, dashboard panels and reports.

See core/editorial/ for the rules; this module only plugs them into Wagtail.
Every app, core included, registers in its own wagtail_hooks.py:

- its dashboard panels with Wagtail's `construct_homepage_panels` hook (core's
  come first: their `order` is the lowest);
- its reports with `register_editorial_report`, a hook of this project that
  returns a report class: core gives each its URLs under
  /admin/editorial/reports/ and its item in the Reports menu.

The city rules need no registration: a page type says its cities itself
(core.editorial.cities.CityScopedPage) and its permissions follow the rules
(core.editorial.pages.EditorialPage).
"""

from django.urls import include, path
from wagtail import hooks

from .editorial.panels import PagesAwaitingModerationPanel, TranslationProgressPanel
from .editorial.permissions import forbidden, snippet_refusal
from .editorial.reports import URL_NAMESPACE, PagesMissingEnglishReport
from .editorial.translation import (
    english_translation_buttons,
    submit_translation_buttons,
    submit_translation_for_moderation,
)
from .mail_admin import FailedEmailViewSet, FailedNotificationsPanel


def editorial_reports():
    return [fn() for fn in hooks.get_hooks("register_editorial_report")]


# City scoping: the rules are part of the page permissions (core.editorial.pages),
# and core.editorial.middleware says why a page view refuses. Snippets have
# no such tester: this hook keeps translators off the Chinese ones. order=-1:
# before wagtail-localize swaps in its translation editor.


@hooks.register("before_edit_snippet", order=-1)
def refuse_snippet(request, instance):
    refusal = snippet_refusal(request.user, instance)
    return forbidden(request, refusal) if refusal else None


# Translation review, panels and reports.

# In the page's own header only: a button per listing row would cost queries per row.
hooks.register("register_page_header_buttons", submit_translation_buttons)
# Translators reach the English page from the Chinese one, in the listing and its header.
hooks.register("register_page_header_buttons", english_translation_buttons)
hooks.register("register_page_listing_more_buttons", english_translation_buttons)


@hooks.register("register_admin_urls")
def editorial_urls():
    report_urls = [pattern for report in editorial_reports() for pattern in report.urlpatterns()]
    urls = [
        path(
            "translations/<int:page_id>/submit/",
            submit_translation_for_moderation,
            name="submit_translation",
        ),
    ]
    return [
        path("editorial/", include((urls, "editorial"), namespace="editorial")),
        path(
            "editorial/reports/",
            include((report_urls, URL_NAMESPACE), namespace=URL_NAMESPACE),
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(
        [PagesAwaitingModerationPanel(), TranslationProgressPanel(), FailedNotificationsPanel()]
    )


@hooks.register("register_editorial_report")
def pages_missing_english_report():
    return PagesMissingEnglishReport


@hooks.register("construct_reports_menu")
def add_editorial_reports_menu_items(request, menu_items):
    menu_items.extend(
        report.menu_item() for report in editorial_reports() if report.user_can_view(request.user)
    )


@hooks.register("register_admin_viewset")
def register_failed_emails():
    return FailedEmailViewSet()
