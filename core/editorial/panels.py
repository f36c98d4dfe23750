"""Dashboard panels: what needs the editors' attention, with real figures.

A panel declares its `columns` and `get_queryset()`; `EditorialPanel` renders
a heading, how many items there are, the first PANEL_ROWS of them as a table
and a link to the full report. Each panel runs a fixed number of queries,
however many items there are: the queryset fetches what the columns read.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count, Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .reports import (
    URL_NAMESPACE,
    PagesMissingEnglishReport,
    may_see,
    page_edit_url,
    pages_missing_english,
    translate_url,
)

PANEL_ROWS = 8
#: What an empty cell shows (an enquiry for no particular programme).
EMPTY_CELL = "—"


def share(part, whole):
    """`part / whole（percent%）`: seats taken, strings translated."""
    return f"{part} / {whole}（{part * 100 // whole}%）"


class ShortDateColumn(Column):
    """A date as 2025-05-01, or a moment in local time as 2025-05-01 14:30: a panel is narrow."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
        return f"{value:%Y-%m-%d}"


def page_column(label, page_of):
    """The title of the page `page_of(item)`, linked to its editor."""
    return TitleColumn(
        "page",
        label=label,
        accessor=lambda item: page_of(item).get_admin_display_title(),
        get_url=lambda item: page_edit_url(page_of(item)),
    )


class EditorialPanel(Component):
    """A dashboard panel; subclasses declare what it shows and to whom.

    `permission` is the one a user needs to see the panel (without one, the
    panel is for whoever adds, edits or publishes pages).
    `columns` are Wagtail table columns: a `TitleColumn` links its cell.
    `get_queryset()` gives the items, in order (a list where they can only be
    worked out in Python); `decorate_rows()` may attach more to the shown ones;
    `count()` says how many there are in all. A panel with `hide_when_empty`
    is an alarm: it is shown only while there is something to see.
    `get_report_url()` is where its full list is (its `report`'s by default).
    """

    template_name = "core/editorial/panel.html"
    order = 140
    panel_id = ""
    heading = ""
    columns = ()
    empty_message = ""
    report = None
    permission = None
    hide_when_empty = False

    def is_shown_to(self, user):
        return may_see(user, self.permission)

    def get_queryset(self):
        raise NotImplementedError

    def decorate_rows(self, rows):
        return rows

    def get_report_url(self):
        return self.report and reverse(f"{URL_NAMESPACE}:{self.report.slug}")

    def count(self, items):
        """How many items there are in all (the panel shows the first PANEL_ROWS)."""
        return len(items) if isinstance(items, list) else items.count()

    def get_cell(self, column, item, parent_context):
        value = column.get_value(item)
        url = column.get_link_url(item, parent_context) if isinstance(column, TitleColumn) else None
        return {"text": EMPTY_CELL if value is None else value, "url": url}

    def get_context_data(self, parent_context):
        items = self.get_queryset()
        total = self.count(items)
        rows = self.decorate_rows(list(items[:PANEL_ROWS])) if total else []
        return {
            "panel_id": self.panel_id,
            "heading": self.heading,
            "columns": self.columns,
            "rows": [
                [self.get_cell(column, item, parent_context) for column in self.columns]
                for item in rows
            ],
            "total": total,
            "hidden": self.hide_when_empty and not total,
            "empty_message": self.empty_message,
            "report_url": self.get_report_url(),
        }

    def render_html(self, parent_context=None):
        if not self.is_shown_to(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)


class PagesAwaitingModerationPanel(EditorialPanel):
    """Every page in moderation, in both languages: the whole team's queue."""

    panel_id = "editorial-moderation"
    heading = _("等待审核的页面")
    columns = [
        page_column(_("页面"), lambda state: state.content_object),
        Column("locale", label=_("语言"), accessor="content_object.locale.get_display_name"),
        Column(
            "requested_by",
            label=_("提交人"),
            accessor=lambda s: get_user_display_name(s.requested_by),
        ),
        ShortDateColumn("created_at", label=_("提交时间")),
    ]
    empty_message = _("没有等待审核的页面。")
    order = 120

    def get_queryset(self):
        return (
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
            )
            .select_related("requested_by")
            .prefetch_related(
                GenericPrefetch("content_object", [Page.objects.select_related("locale")])
            )
            .order_by("-created_at")
        )

    def decorate_rows(self, rows):
        # A page deleted while in moderation leaves its workflow state behind.
        return [state for state in rows if state.content_object is not None]


def translation_progress(translations, locale):
    """{source id: (translated, total)} for the sources of `translations`, in two queries."""
    source_ids = [t.source_id for t in translations]
    segments = StringSegment.objects.filter(source_id__in=source_ids)
    totals = dict(segments.values_list("source_id").annotate(n=Count("id")))
    translated_segments = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale=locale,
                has_error=False,
            )
        )
    )
    done = dict(translated_segments.values_list("source_id").annotate(n=Count("id")))
    return {pk: (done.get(pk, 0), totals.get(pk, 0)) for pk in source_ids}


@dataclass
class TranslationRow:
    """A line of the translation panel: a page whose English is not done, and why."""

    page: Page
    url: str
    progress: str
    status: str


class TranslationProgressPanel(EditorialPanel):
    """What English is not done: Chinese pages without one, then English pages with strings
    left to translate or changes not yet live (a draft, or waiting for review)."""

    panel_id = "editorial-translations"
    heading = _("英文翻译进度")
    columns = [
        TitleColumn(
            "page",
            label=_("页面"),
            accessor=lambda row: row.page.get_admin_display_title(),
            get_url=lambda row: row.url,
        ),
        Column("progress", label=_("已翻译")),
        Column("status", label=_("状态")),
    ]
    empty_message = _("所有英文译文都已完成。")
    report = PagesMissingEnglishReport
    order = 125

    def get_queryset(self):
        missing = pages_missing_english().order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "path"
        )
        rows = [
            TranslationRow(page, translate_url(page), EMPTY_CELL, gettext("缺少英文版"))
            for page in missing[:PANEL_ROWS]
        ]
        unfinished = self.unfinished_translations()
        # Only the first missing pages are fetched; the report lists them all.
        self.total = missing.count() + len(unfinished)
        return rows + unfinished

    def count(self, items):
        return self.total

    def unfinished_translations(self):
        """Rows for English pages with untranslated strings or changes not live, newest first."""
        translations = list(
            Translation.objects.filter(
                enabled=True,
                target_locale__language_code="en",
                source__locale__language_code=settings.LANGUAGE_CODE,
                source__object_id__in=Page.objects.values("translation_key"),
            )
            .select_related("source", "target_locale")
            .order_by("-source__last_updated_at")
        )
        if not translations:
            return []
        progress = translation_progress(translations, translations[0].target_locale)
        pages = {
            page.translation_key: page
            for page in Page.objects.filter(
                translation_key__in=[t.source.object_id for t in translations],
                locale=translations[0].target_locale,
            )
        }
        rows = []
        for translation in translations:
            page = pages.get(translation.source.object_id)
            done, total = progress[translation.source_id]
            if page is None or (done == total and page.live and not page.has_unpublished_changes):
                continue
            rows.append(
                TranslationRow(
                    page,
                    page_edit_url(page),
                    share(done, total) if total else EMPTY_CELL,
                    page.status_string,
                )
            )
        return rows
