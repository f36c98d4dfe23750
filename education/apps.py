from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = _("研学与培训")
    demo_loaders = [
        "education.study_tours.demo.load",
        "education.training.demo.load",
    ]

    def ready(self):
        from education import signals

        signals.connect()
