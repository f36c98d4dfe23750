from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import Demo, loaders


class Command(BaseCommand):
    help = "Load bilingual demo content. Safe to run again: nothing is created twice."

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        demo = Demo(user=user, stdout=self.stdout)
        with transaction.atomic():
            for load in loaders():
                load(demo)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({demo.created} new objects)."))
