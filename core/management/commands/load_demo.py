from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from core.demo import Demo

# Each app adds its own loader here, after the ones whose content it uses.
DEMO_LOADERS = [
    "home.demo_content.load",
    "tourism.demo_content.load",
    "education.study_tours.demo.load",
    "education.training.demo.load",
    "core.editorial.demo_content.load",
    "home.demo_content.feature",
]


class Command(BaseCommand):
    help = "Load bilingual demo content. Safe to run again: nothing is created twice."

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        demo = Demo(user=user, stdout=self.stdout)
        with transaction.atomic():
            for loader in DEMO_LOADERS:
                import_string(loader)(demo)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({demo.created} new objects)."))
