import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

# Local demo only: `make run` prints them. Production sets its own through the
# environment, or creates users with `createsuperuser`.
DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "yanxi-admin-2026"


class Command(BaseCommand):
    help = "Create (or reset) the admin user from ADMIN_USERNAME / ADMIN_PASSWORD and print it."

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", DEFAULT_USERNAME)
        password = os.environ.get("ADMIN_PASSWORD", DEFAULT_PASSWORD)
        email = os.environ.get("ADMIN_EMAIL", "admin@example.cn")
        User = get_user_model()
        user, _created = User.objects.get_or_create(username=username, defaults={"email": email})
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"Admin user: {username}  password: {password}")
