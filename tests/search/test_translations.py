from pathlib import Path

import polib

import search

CATALOGUE = Path(search.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_message_has_english():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue if not entry.translated()]
    assert untranslated == []
    assert CATALOGUE.with_suffix(".mo").stat().st_mtime >= CATALOGUE.stat().st_mtime - 1
