"""Dashboard panels: what needs the editors' attention, with real figures.

`EditorialPanel` renders a heading, a count, a short table and a link to the
full report; subclasses (here and in <app>/editorial.py) give the rows. Each
panel runs a fixed number of queries, however many rows there are.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .reports import URL_NAMESPACE, PagesMissingEnglishReport, page_edit_url, user_edits_pages

PANEL_ROWS = 8


class Cell:
    """A table cell: text, optionally a link."""

    def __init__(self, text, url=None):
        self.text = text
        self.url = url


class EditorialPanel(Component):
    template_name = "core/editorial/panel.html"
    order = 140
    panel_id = ""
    heading = ""
    headers = ()
    empty_message = ""
    report = None

    def is_shown_to(self, user):
        raise NotImplementedError

    def get_rows(self):
        """(total, rows): how many items there are, and the first PANEL_ROWS as lists of cells."""
        raise NotImplementedError

    def get_context_data(self, parent_context):
        total, rows = self.get_rows()
        return {
            "panel_id": self.panel_id,
            "heading": self.heading,
            "headers": self.headers,
            "rows": rows,
            "total": total,
            "empty_message": self.empty_message,
            "report_url": self.report and reverse(f"{URL_NAMESPACE}:{self.report.slug}"),
        }

    def render_html(self, parent_context=None):
        if not self.is_shown_to(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)


class PagesAwaitingModerationPanel(EditorialPanel):
    """Every page in moderation, in both languages: the whole team's queue."""

    panel_id = "editorial-moderation"
    heading = _("等待审核的页面")
    headers = (_("页面"), _("语言"), _("提交人"), _("提交时间"))
    empty_message = _("没有等待审核的页面。")
    order = 130

    def is_shown_to(self, user):
        return user_edits_pages(user)

    def get_rows(self):
        states = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
        )
        total = states.count()
        states = list(states.select_related("requested_by").order_by("-created_at")[:PANEL_ROWS])
        pages = Page.objects.select_related("locale").in_bulk([int(s.object_id) for s in states])
        rows = []
        for state in states:
            page = pages.get(int(state.object_id))
            if page is None:
                continue
            rows.append(
                [
                    Cell(page.get_admin_display_title(), page_edit_url(page)),
                    Cell(page.locale.get_display_name()),
                    Cell(state.requested_by.get_full_name() or state.requested_by.get_username()),
                    Cell(f"{timezone.localtime(state.created_at):%Y-%m-%d %H:%M}"),
                ]
            )
        return total, rows


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


class TranslationProgressPanel(EditorialPanel):
    """How far the English translations of recently changed pages have got."""

    panel_id = "editorial-translations"
    heading = _("英文翻译进度")
    headers = (_("英文页面"), _("已翻译"), _("状态"))
    empty_message = _("所有英文译文都已完成。")
    report = PagesMissingEnglishReport
    order = 135

    def is_shown_to(self, user):
        return user_edits_pages(user)

    def get_rows(self):
        translations = (
            Translation.objects.filter(
                enabled=True,
                target_locale__language_code="en",
                source__locale__language_code=settings.LANGUAGE_CODE,
                source__object_id__in=Page.objects.values("translation_key"),
            )
            .select_related("source", "target_locale")
            .order_by("-source__last_updated_at")
        )
        recent = list(translations[: PANEL_ROWS * 4])
        progress = translation_progress(recent, recent[0].target_locale if recent else None)
        unfinished = [t for t in recent if progress[t.source_id][0] < progress[t.source_id][1]]
        pages = {
            page.translation_key: page
            for page in Page.objects.filter(
                translation_key__in=[t.source.object_id for t in unfinished],
                locale__language_code="en",
            )
        }
        rows = []
        for translation in unfinished[:PANEL_ROWS]:
            page = pages.get(translation.source.object_id)
            if page is None:
                continue
            done, total = progress[translation.source_id]
            rows.append(
                [
                    Cell(page.get_admin_display_title(), page_edit_url(page)),
                    Cell(f"{done} / {total}（{done * 100 // total}%）"),
                    Cell(page.status_string),
                ]
            )
        return len(unfinished), rows
