"""Report views for the editors: tables they can filter and download as CSV or Excel.

`EditorialReport` is the base of every report of the project (tourism and
education declare theirs in <app>/editorial.py). Each app registers its
reports with the `register_editorial_report` hook; core/wagtail_hooks.py
gives them their URLs under /admin/editorial/reports/ and their items in the
Reports menu.
"""

import datetime

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

URL_NAMESPACE = "editorial_reports"


def user_edits_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


def may_see(user, permission):
    """Who sees a panel or a report: holders of `permission`, or without one, page editors."""
    return user.has_perm(permission) if permission else user_edits_pages(user)


def page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class EditorialReport(ReportView):
    """A report at /admin/editorial/reports/<slug>/, exportable.

    Shown to holders of `permission`, or without one, to whoever adds, edits or
    publishes pages.
    """

    slug = ""
    header_icon = "table"
    menu_order = 2000
    permission = None

    @classmethod
    def user_can_view(cls, user):
        return may_see(user, cls.permission)

    def dispatch(self, request, *args, **kwargs):
        if not self.user_can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_index_url(self):
        return reverse(f"{URL_NAMESPACE}:{self.slug}")

    def get_index_results_url(self):
        return reverse(f"{URL_NAMESPACE}:{self.slug}_results")

    def get_filename(self):
        return f"{self.slug}-{timezone.localdate():%Y-%m-%d}"

    @classmethod
    def urlpatterns(cls):
        return [
            path(f"{cls.slug}/", cls.as_view(), name=cls.slug),
            path(
                f"{cls.slug}/results/", cls.as_view(results_only=True), name=f"{cls.slug}_results"
            ),
        ]

    @classmethod
    def menu_item(cls):
        """The report's item in the Reports menu, for a user who `user_can_view` it."""
        return MenuItem(
            cls.page_title,
            reverse(f"{URL_NAMESPACE}:{cls.slug}"),
            name=f"editorial-{cls.slug}",
            icon_name=cls.header_icon,
            order=cls.menu_order,
        )


DEFAULT_WINDOW = 30
WINDOW_CHOICES = [("7", _("7天内")), ("30", _("30天内")), ("90", _("90天内"))]


def date_window(days=DEFAULT_WINDOW):
    """(today, the day `days` from now): what a report or a panel looks ahead to."""
    today = timezone.localdate()
    return today, today + datetime.timedelta(days=days)


class WindowFilterSet(WagtailFilterSet):
    """How far ahead a report looks; the report reads it as `DateWindowMixin.window`."""

    days = django_filters.ChoiceFilter(
        label=_("时间范围"),
        choices=WINDOW_CHOICES,
        empty_label=_("30天内（默认）"),
        method="keep",
    )

    def keep(self, queryset, name, value):
        return queryset


class DateWindowMixin:
    """A report that looks 7, 30 or 90 days ahead, as chosen in its filter."""

    filterset_class = WindowFilterSet

    def get_filterset_kwargs(self):
        # The filter set names no model of its own.
        return {**super().get_filterset_kwargs(), "queryset": self.model._default_manager.none()}

    @cached_property
    def window(self):
        """(first day, last day); an unknown or malformed `days` falls back to the default."""
        days = DEFAULT_WINDOW
        if self.filters is not None and self.filters.is_valid():
            days = int(self.filters.form.cleaned_data.get("days") or DEFAULT_WINDOW)
        return date_window(days)


def translate_url(page):
    """wagtail-localize's "Translate this page", English chosen."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return f"{url}?select_locale=en"


class TranslateTitleColumn(TitleColumn):
    """A Chinese page's title, linked to starting its English for whoever may (translators,
    moderators), else to the page's editor."""

    def get_link_url(self, instance, parent_context):
        if parent_context["request"].user.has_perm("wagtail_localize.submit_translation"):
            return translate_url(instance)
        return page_edit_url(instance)


def pages_missing_english():
    """Chinese pages (not the root) of which no English version exists."""
    english = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code="en"
    )
    return (
        Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        .exclude(Exists(english))
        .select_related("content_type")
    )


class PagesMissingEnglishReport(EditorialReport):
    slug = "pages-missing-english"
    page_title = _("缺少英文版的页面")
    header_icon = "globe"
    menu_order = 2010
    no_results_message = _("每个中文页面都有英文版。")
    columns = [
        TranslateTitleColumn("title", label=_("标题")),
        Column("page_type", label=_("页面类型"), accessor="content_type.name"),
        Column("status", label=_("状态"), accessor="status_string"),
        DateColumn("latest_revision_created_at", label=_("最后修改")),
    ]
    list_export = [
        "title",
        "content_type.name",
        "status_string",
        "latest_revision_created_at",
        "url_path",
    ]
    export_headings = {
        "title": _("标题"),
        "content_type.name": _("页面类型"),
        "status_string": _("状态"),
        "latest_revision_created_at": _("最后修改"),
        "url_path": _("路径"),
    }

    def get_queryset(self):
        return pages_missing_english().order_by("path")
