"""Every model of the education app, for Django to find.

Pages and the records people create through them live in separate modules:
a page's routes use its views, whose forms use the records, so records never
import pages.
"""

from .cohorts import TrainingCohort, TrainingEnquiry
from .sessions import Booking, StudySession
from .study_tours import StudyBaseIndexPage, StudyBasePage
from .training import TrainingProgrammeIndexPage, TrainingProgrammePage

__all__ = [
    "Booking",
    "StudyBaseIndexPage",
    "StudyBasePage",
    "StudySession",
    "TrainingCohort",
    "TrainingEnquiry",
    "TrainingProgrammeIndexPage",
    "TrainingProgrammePage",
]
