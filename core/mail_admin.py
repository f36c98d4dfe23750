"""The admin listing of e-mails that could not be sent, with a "send again" action.

Shown to whoever may view OutgoingEmail (the booking managers, education
migration 0008, and superusers): they know the schools and organisations the
e-mails were for, and can phone them when an address is wrong.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ListingButton

from core import mail
from core.editorial.panels import EditorialPanel, ShortDateColumn
from core.models import OutgoingEmail

#: What staff call this list: its menu item, its title, the dashboard's panel.
FAILED_NOTIFICATIONS = _("发送失败的通知")


class FailedEmailIndexView(generic.IndexView):
    """Failed e-mails only, newest first, each with a "send again" button."""

    # Titled as the menu names it: it lists the failed ones, not every e-mail.
    page_title = FAILED_NOTIFICATIONS

    def get_add_url(self):
        return None

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(status=OutgoingEmail.Status.FAILED)
            .prefetch_related("about")
        )

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.user_has_permission("change"):
            buttons.append(retry_button(ListingButton, instance))
        return buttons


class EmailInspectView(generic.InspectView):
    """One e-mail as it was written: addresses as a list people read, the body with its lines."""

    def get_to_display_value(self):
        return self.object.recipients()

    def get_reply_to_display_value(self):
        return ", ".join(self.object.reply_to) or "—"

    def get_body_display_value(self):
        return linebreaksbr(self.object.body, autoescape=True)

    @cached_property
    def header_more_buttons(self):
        # Reached from the dashboard's alarm: send it again from here too.
        buttons = list(super().header_more_buttons)
        if self.object.status == OutgoingEmail.Status.FAILED and self.user_has_permission("change"):
            buttons.append(retry_button(Button, self.object))
        return buttons


def retry_button(button_class, email):
    return button_class(
        _("重新发送"),
        url=reverse("failed_emails:retry", args=[email.pk]),
        icon_name="resubmit",
        priority=30,
    )


class RetryEmailView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and queue again (POST) one failed e-mail."""

    model = OutgoingEmail
    permission_required = "change"
    template_name = "core/admin/retry_email.html"
    page_title = _("重新发送通知邮件")

    @cached_property
    def object(self):
        # Looked up after the permission check, so no one else learns which e-mails exist.
        return get_object_or_404(
            OutgoingEmail, pk=self.kwargs["pk"], status=OutgoingEmail.Status.FAILED
        )

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("failed_emails:index"), "label": FAILED_NOTIFICATIONS},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, index_url=reverse("failed_emails:index"), **kwargs
        )

    def post(self, request, pk):
        mail.retry(self.object)
        messages.success(
            request, _("邮件“%(subject)s”已重新排入发送队列。") % {"subject": self.object.subject}
        )
        return redirect("failed_emails:index")


class FailedEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    name = "failed_emails"
    url_prefix = "notifications/failed"
    icon = "warning"
    menu_label = FAILED_NOTIFICATIONS
    add_to_admin_menu = True
    # After the booking managers' study tours (260) and training enquiries (270).
    menu_order = 280
    index_view_class = FailedEmailIndexView
    inspect_view_class = EmailInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "subject",
        Column("about_display", label=_("关于"), accessor=OutgoingEmail.about_display),
        Column("to", label=_("收件人"), accessor="recipients"),
        Column("attempts", label=_("尝试次数")),
        Column("last_error", label=_("最近错误")),
        DateColumn("created_at", label=_("创建时间"), sort_key="created_at"),
    ]
    inspect_view_fields = [
        "subject",
        "about_display",
        "to",
        "reply_to",
        "template",
        "attempts",
        "last_error",
        "created_at",
        "body",
    ]
    ordering = ["-created_at"]
    # ModelViewSet builds its add and edit views while listing its URLs, and they
    # need a form; get_urlpatterns drops both, so no one ever sees it.
    form_fields = ["to"]

    def get_urlpatterns(self):
        # Read and send again; e-mails are written by the site, never by hand.
        kept = {"index", "index_results", "inspect"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in kept] + [
            path("<int:pk>/retry/", RetryEmailView.as_view(), name="retry")
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )


class FailedNotificationsPanel(EditorialPanel):
    """The dashboard's alarm: e-mails that failed every attempt, so that a school or an
    organisation waiting on one gets a call or the e-mail again."""

    panel_id = "editorial-failed-notifications"
    heading = FAILED_NOTIFICATIONS
    columns = [
        TitleColumn(
            "subject",
            label=_("主题"),
            get_url=lambda email: reverse("failed_emails:inspect", args=[email.pk]),
        ),
        Column("to", label=_("收件人"), accessor="recipients"),
        ShortDateColumn("created_at", label=_("创建时间")),
    ]
    permission = "core.view_outgoingemail"
    # Above the pending bookings (130): an e-mail nobody received comes first.
    order = 115
    hide_when_empty = True

    def get_queryset(self):
        return OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).order_by(
            "-created_at"
        )

    def get_report_url(self):
        return reverse("failed_emails:index")
