"""Education in the admin: booking managers' menus, dashboard panels and reports."""

from wagtail import hooks

from .study_tours.admin import StudyToursGroup
from .study_tours.editorial import (
    PendingBookingsPanel,
    SessionsNearlyFullReport,
    UpcomingSessionsPanel,
)
from .training.admin import TrainingEnquiryViewSet
from .training.editorial import PendingEnquiriesPanel, UpcomingCohortsPanel


@hooks.register("register_admin_viewset")
def register_study_tours():
    return StudyToursGroup()


@hooks.register("register_admin_viewset")
def register_training_enquiries():
    return TrainingEnquiryViewSet()


@hooks.register("construct_homepage_panels")
def add_education_panels(request, panels):
    panels.extend(
        [
            PendingBookingsPanel(),
            PendingEnquiriesPanel(),
            UpcomingSessionsPanel(),
            UpcomingCohortsPanel(),
        ]
    )


@hooks.register("register_editorial_report")
def sessions_nearly_full_report():
    return SessionsNearlyFullReport
