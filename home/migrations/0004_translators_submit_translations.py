"""Translators start English translations themselves (wagtail-localize's "Translate this page").

Without `submit_translation` a translator could only wait for a moderator to
start each one. What a translator may then edit is still narrowed to the
English pages by core.editorial.pages.
"""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for group in Group.objects.filter(name="Translators"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Translators"):
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="wagtail_localize", codename="submit_translation"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0003_editorial_roles")]

    operations = [migrations.RunPython(grant, revoke)]
