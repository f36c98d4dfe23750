"""Remind schools of their confirmed study sessions; run daily (README: Scheduled jobs)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from education.study_tours.notifications import send_session_reminders


class Command(BaseCommand):
    help = (
        "Queue a reminder e-mail for each confirmed booking whose session is within "
        "SESSION_REMINDER_DAYS days; each booking is reminded once."
    )

    def handle(self, *args, **options):
        reminded = send_session_reminders()
        self.stdout.write(
            f"Queued {len(reminded)} reminder(s) for sessions in the next "
            f"{settings.SESSION_REMINDER_DAYS} day(s)."
        )
