"""Booking managers' admin of training enquiries."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column

from education import seats
from education.models.cohorts import TrainingCohort, TrainingEnquiry
from education.models.training import TrainingProgrammePage
from education.public_requests.admin import (
    EXPORT_HEADINGS,
    PublicRequestViewSet,
    export_fields,
    inspect_fields,
    source_pages,
    status_column,
    submitted_column,
)
from education.training.choices import EnquiryStatus

source_programmes = source_pages(TrainingProgrammePage)


class TrainingEnquiryFilterSet(WagtailFilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=_("培训项目"), queryset=source_programmes, null_label=_("定制培训项目")
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("提交时间"), widget=DateRangePickerWidget
    )

    class Meta:
        model = TrainingEnquiry
        fields = ["status"]


class TrainingEnquiryViewSet(PublicRequestViewSet):
    model = TrainingEnquiry
    name = "education_training_enquiries"
    url_prefix = "education/training-enquiries"
    icon = "user"
    menu_label = _("培训咨询")
    menu_order = 270
    list_display = [
        "reference",
        "organisation",
        Column("programme", label=_("培训项目"), accessor="programme"),
        Column("cohort", label=_("班期"), accessor="cohort"),
        "participants",
        status_column(),
        submitted_column(),
    ]
    filterset_class = TrainingEnquiryFilterSet
    search_fields = ["reference", "organisation", "contact_name", "email"]
    list_export = export_fields(
        ["organisation"],
        ["programme_title", "cohort", "participants", "get_preferred_months_display"],
    )
    export_headings = {
        **EXPORT_HEADINGS,
        "programme_title": _("培训项目"),
        "cohort": _("班期"),
        "get_preferred_months_display": _("希望的培训月份"),
    }
    export_filename = "training-enquiries"
    inspect_view_fields = inspect_fields(
        ["organisation"], ["programme", "cohort", "participants", "preferred_months"]
    )
    actions = {
        "discuss": {
            "label": _("开始沟通"),
            "from": {EnquiryStatus.NEW},
            "confirm": _("将此咨询标记为“沟通中”？"),
            "icon": "comment",
        },
        "agree": {
            "label": _("商定"),
            "from": {EnquiryStatus.NEW, EnquiryStatus.DISCUSSING},
            "confirm": _("将此咨询标记为“已商定”？所选班期将按参训人数占用名额。"),
            "icon": "check",
        },
        "close": {
            "label": _("关闭"),
            "from": {EnquiryStatus.NEW, EnquiryStatus.DISCUSSING, EnquiryStatus.AGREED},
            "confirm": _("关闭此咨询？已占用的名额将释放。"),
            "icon": "cross",
            "destructive": True,
        },
    }
    targets = {
        "discuss": EnquiryStatus.DISCUSSING,
        "agree": EnquiryStatus.AGREED,
        "close": EnquiryStatus.CLOSED,
    }

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=TrainingEnquiry.objects.select_related("programme", "cohort"), **kwargs
        )

    success_message = _("培训咨询 %(reference)s 已更新为“%(status)s”。")

    def change_status(self, enquiry, action):
        return seats.change_status(
            TrainingCohort, enquiry.pk, self.actions[action]["from"], self.targets[action]
        )
