"""Dashboard panels of cadre training: enquiries to answer, cohorts about to start."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.editorial.panels import PANEL_ROWS, Cell, EditorialPanel
from education.models.cohorts import TrainingCohort, TrainingEnquiry
from education.study_tours.editorial import local_time, occupancy
from education.training.choices import CohortStatus, EnquiryStatus


class PendingEnquiriesPanel(EditorialPanel):
    """Training enquiries nobody has answered yet."""

    panel_id = "editorial-pending-enquiries"
    heading = _("待回复的培训咨询")
    headers = (_("咨询号"), _("单位"), _("培训项目"), _("人数"), _("提交时间"))
    empty_message = _("没有待回复的培训咨询。")
    order = 121

    def is_shown_to(self, user):
        return user.has_perm("education.view_trainingenquiry")

    def get_rows(self):
        enquiries = TrainingEnquiry.objects.filter(status=EnquiryStatus.NEW)
        rows = [
            [
                Cell(
                    enquiry.reference,
                    reverse("education_training_enquiries:inspect", args=[enquiry.pk]),
                ),
                Cell(enquiry.organisation),
                Cell(enquiry.programme.title if enquiry.programme else "—"),
                Cell(enquiry.participants),
                Cell(local_time(enquiry.created_at)),
            ]
            for enquiry in enquiries.select_related("programme").order_by("created_at")[:PANEL_ROWS]
        ]
        return enquiries.count(), rows


class UpcomingCohortsPanel(EditorialPanel):
    panel_id = "editorial-upcoming-cohorts"
    heading = _("即将开班的培训班期")
    headers = (_("培训项目"), _("延安报到"), _("已商定 / 名额"), _("报名截止"))
    empty_message = _("没有即将开班的培训班期。")
    order = 126

    def is_shown_to(self, user):
        return user.has_perm("education.view_trainingenquiry")

    def get_rows(self):
        cohorts = (
            TrainingCohort.objects.filter(yanan_start__gte=timezone.localdate())
            .exclude(status=CohortStatus.CANCELLED)
            .select_related("programme")
            .with_occupancy()
            .order_by("yanan_start")
        )
        rows = [
            [
                Cell(cohort.programme.title),
                Cell(f"{cohort.yanan_start:%Y-%m-%d}"),
                Cell(occupancy(cohort.seats_taken, cohort.seats)),
                Cell(f"{cohort.application_deadline:%Y-%m-%d}"),
            ]
            for cohort in cohorts[:PANEL_ROWS]
        ]
        return cohorts.count(), rows
