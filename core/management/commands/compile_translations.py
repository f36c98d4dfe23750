import sys
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogue_dirs():
    """Every locale folder of the project: LOCALE_PATHS and each project app's own.

    Installed packages are left alone, even when the virtualenv lives inside
    the project folder.
    """
    from django.apps import apps

    dirs = [Path(p) for p in settings.LOCALE_PATHS]
    dirs += [
        Path(app.path) / "locale"
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(settings.BASE_DIR)
        and not Path(app.path).is_relative_to(sys.prefix)
    ]
    return [d for d in dirs if d.is_dir()]


class Command(BaseCommand):
    help = (
        "Compile the project's .po catalogues to .mo in pure Python (polib), so "
        "a machine without GNU gettext gets working translations."
    )

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in catalogue_dirs():
            for po_path in locale_dir.glob("*/LC_MESSAGES/*.po"):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Translations: {compiled} catalogue(s) compiled.")
