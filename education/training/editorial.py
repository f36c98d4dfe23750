"""Dashboard panels of cadre training: enquiries to answer, cohorts about to start."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from core.editorial.panels import EditorialPanel, ShortDateColumn, share
from education.models.cohorts import TrainingCohort, TrainingEnquiry
from education.models.seats import OccasionStatus
from education.public_requests.editorial import AwaitingAnswerPanel, reference_column
from education.training.choices import EnquiryStatus


class PendingEnquiriesPanel(AwaitingAnswerPanel):
    """Training enquiries nobody has answered yet."""

    panel_id = "editorial-pending-enquiries"
    heading = _("待回复的培训咨询")
    columns = [
        reference_column(_("咨询号"), "education_training_enquiries"),
        Column("organisation", label=_("单位")),
        Column("programme", label=_("培训项目"), accessor="programme.title"),
        Column("participants", label=_("人数")),
        ShortDateColumn("created_at", label=_("提交时间")),
    ]
    empty_message = _("没有待回复的培训咨询。")
    order = 131
    permission = "education.view_trainingenquiry"
    model = TrainingEnquiry
    awaiting_status = EnquiryStatus.NEW
    related = ["programme"]


class UpcomingCohortsPanel(EditorialPanel):
    panel_id = "editorial-upcoming-cohorts"
    heading = _("即将开班的培训班期")
    columns = [
        Column("programme", label=_("培训项目"), accessor="programme.title"),
        ShortDateColumn("yanan_start", label=_("延安报到")),
        Column(
            "occupancy",
            label=_("已商定 / 名额"),
            accessor=lambda c: share(c.seats_taken, c.capacity),
        ),
        ShortDateColumn("booking_deadline", label=_("报名截止")),
    ]
    empty_message = _("没有即将开班的培训班期。")
    order = 136
    permission = "education.view_trainingenquiry"

    def get_queryset(self):
        return (
            TrainingCohort.objects.filter(yanan_start__gte=timezone.localdate())
            .exclude(status=OccasionStatus.CANCELLED)
            .select_related("programme")
            .with_occupancy()
            .order_by("yanan_start")
        )
