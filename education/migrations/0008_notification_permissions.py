"""Booking managers see the notification e-mails that failed and may send them again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Booking managers"
PERMISSIONS = ["view_outgoingemail", "change_outgoingemail"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the group
    # needs them now, on a fresh database too.
    app_config = apps.get_app_config("core")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="core", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP_NAME):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="core", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0007_booking_reminder_sent_at"),
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
