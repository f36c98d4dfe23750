"""Admin for public requests: a listing with filters, search, CSV/Excel export and
status actions (each one a confirmation page and a POST), reusable by any
PublicRequest model.

A request type plugs in by subclassing `PublicRequestViewSet` and setting
`model`, `list_display`, `list_filter`, `list_export`, `search_fields` and
`actions`, then implementing `perform_action(request, obj, action)`.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value):
    """Text typed by the public must reach a spreadsheet as text, never as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class PublicRequestIndexView(generic.IndexView):
    """Listing of requests: no "add" (requests come from the public form) and
    one button per status action."""

    actions = {}
    action_url_name = None

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
        for action, spec in self.actions.items():
            if instance.status in spec["from"]:
                buttons.append(
                    ListingButton(
                        spec["label"],
                        url=reverse(self.action_url_name, args=[instance.pk, action]),
                        icon_name=spec.get("icon", "arrow-right"),
                        priority=30,
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
    to), "confirm" (question on the confirmation page), optional "icon"}.
    `perform_action` does it and returns a success message; it may add an
    error message itself and return "" instead.
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
    actions = {}

    def perform_action(self, request, obj, action):
        raise NotImplementedError

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
