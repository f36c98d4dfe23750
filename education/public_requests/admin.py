"""Admin for public requests: a listing with filters, search, CSV/Excel export and
status actions (each one a confirmation page and a POST), reusable by any
PublicRequest model.

A request type plugs in by subclassing `PublicRequestViewSet` and setting
`model`, `list_display`, `filterset_class`, `list_export`, `search_fields`,
`actions` and `success_message`, then implementing `change_status(obj, action)`.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ListingButton

from education.public_requests.models import CONTACT_FIELDS
from education.seats import SeatsRefused

#: What the requester wrote last and what the request records, after its own fields.
EXPORT_TAIL = ["notes", "get_language_display", "partner", "created_at", "staff_notes"]
#: Headings of the export columns every request type has that are not model fields.
EXPORT_HEADINGS = {"get_status_display": _("状态"), "get_language_display": _("提交语言")}
INSPECT_TAIL = [
    "notes",
    "consent",
    "language",
    "partner",
    "created_at",
    "updated_at",
    "staff_notes",
]

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def export_fields(own_fields, details):
    """Export columns: reference and status, the request's own fields, contact, details, tail."""
    return ["reference", "get_status_display", *own_fields, *CONTACT_FIELDS, *details, *EXPORT_TAIL]


def inspect_fields(own_fields, details):
    """Inspect view fields, in the order of `export_fields`."""
    return ["reference", "status", *own_fields, *CONTACT_FIELDS, *details, *INSPECT_TAIL]


def status_column():
    return Column("status", label=_("状态"), accessor="get_status_display")


def submitted_column():
    return DateColumn("created_at", label=_("提交时间"), sort_key="created_at")


def source_pages(model):
    """A filter's queryset: the source-language pages of `model`, which requests point to."""

    def queryset(_request=None):
        return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")

    return queryset


def local_timestamp(value):
    """A moment as the admin shows it: Beijing time, with its offset so that no
    one reads it as UTC, to the second ("2026-05-12 09:30:00+08:00")."""
    return timezone.localtime(value).isoformat(sep=" ", timespec="seconds")


def neutralize_formula(value):
    """Text typed by the public must reach a spreadsheet as text, never as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class PublicRequestIndexView(generic.IndexView):
    """Listing of requests: no "add" (requests come from the public form) and
    one button per status action."""

    actions = {}
    action_url_name = None
    # Wagtail writes moments to Excel in UTC without a zone, and to CSV with
    # microseconds; both exports write them as `local_timestamp` instead.
    custom_value_preprocess = {
        **generic.IndexView.custom_value_preprocess,
        datetime.datetime: {
            generic.IndexView.FORMAT_CSV: local_timestamp,
            generic.IndexView.FORMAT_XLSX: local_timestamp,
        },
    }

    def get_add_url(self):
        return None

    def stream_csv(self, queryset):
        # A byte order mark makes Excel read the UTF-8 (Chinese) text correctly.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralize_formula(self.preprocess_field_value(field, value, "csv"))
                for field, value in row_dict.items()
            }
        )

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if not self.user_has_permission("change"):
            return buttons
        # Buttons of one priority sort by label, which in Chinese put 取消 (cancel)
        # first, right beside 确认 (confirm): they keep the order of `actions`
        # instead, and a destructive one goes last, apart, in the "more" menu.
        for order, (action, spec) in enumerate(self.actions.items()):
            if instance.status in spec["from"]:
                button_class = Button if spec.get("destructive") else ListingButton
                buttons.append(
                    button_class(
                        spec["label"],
                        url=reverse(self.action_url_name, args=[instance.pk, action]),
                        icon_name=spec.get("icon", "arrow-right"),
                        priority=100 + order,
                    )
                )
        return buttons


class PublicRequestActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and perform (POST) one status action on one request."""

    permission_required = "change"
    template_name = "education/admin/request_action.html"
    model = None
    viewset = None

    def dispatch(self, request, pk, action):
        if action not in self.viewset.actions:
            raise Http404("No such action.")
        self.object = get_object_or_404(self.model, pk=pk)
        self.action = action
        self.spec = self.viewset.actions[action]
        return super().dispatch(request, pk, action)

    def get_page_title(self):
        return f"{self.spec['label']}: {self.object}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            action=self.spec,
            index_url=reverse(self.viewset.get_url_name("index")),
            **kwargs,
        )

    def post(self, request, pk, action):
        message = self.viewset.perform_action(request, self.object, action)
        if message:
            messages.success(request, message)
        return redirect(self.viewset.get_url_name("index"))


class PublicRequestViewSet(ModelViewSet):
    """ModelViewSet for a PublicRequest model: read, annotate, export, act.

    `actions` maps an action name to {"label", "from" (statuses it applies
    to), "confirm" (question on the confirmation page), optional "icon" and
    "destructive" (true: listed last, in the row's "more" menu)}, in the order
    the listing shows them.
    `change_status` does it and returns the request as it now stands;
    `success_message` (with `reference` and `status`) tells staff.
    """

    icon = "form"
    add_to_admin_menu = True
    menu_order = 250
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = PublicRequestIndexView
    action_view_class = PublicRequestActionView
    # Staff annotate; what the requester sent stays as sent.
    form_fields = ["staff_notes"]
    list_per_page = 50
    ordering = ["-created_at"]
    actions = {}
    success_message = None

    def change_status(self, obj, action):
        raise NotImplementedError

    def perform_action(self, request, obj, action):
        """Do `action`; a success message, or "" after saying why the seats were refused."""
        try:
            obj = self.change_status(obj, action)
        except SeatsRefused as refusal:
            messages.error(request, str(refusal))
            return ""
        return self.success_message % {
            "reference": obj.reference,
            "status": obj.get_status_display(),
        }

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            actions=self.actions, action_url_name=self.get_url_name("action"), **kwargs
        )

    @property
    def action_view(self):
        return self.action_view_class.as_view(model=self.model, viewset=self)

    def get_urlpatterns(self):
        return [
            pattern for pattern in super().get_urlpatterns() if pattern.name not in {"add", "copy"}
        ] + [path("<int:pk>/<slug:action>/", self.action_view, name="action")]
