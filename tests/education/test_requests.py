"""The reusable request machinery: references, phones, signed links, export safety."""

import re
from pathlib import Path

import polib
import pytest
from django.core.exceptions import ValidationError

from education.public_requests.admin import neutralize_formula
from education.public_requests.forms import normalize_phone
from education.public_requests.models import REFERENCE_ALPHABET, new_reference

LOCALE_DIR = Path(__file__).resolve().parents[2] / "education" / "locale"


def test_reference_is_readable_and_unguessable():
    references = {new_reference("YX") for _i in range(2000)}
    assert len(references) == 2000
    for reference in references:
        assert re.fullmatch(rf"YX-\d\d-[{REFERENCE_ALPHABET}]{{6}}", reference)
    # Letters and digits that are confused when read out or handwritten never appear.
    assert not set("01OILUV") & set(REFERENCE_ALPHABET)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13912345678", "13912345678"),
        ("139-1234-5678", "13912345678"),
        ("+86 139 1234 5678", "13912345678"),
        ("8613912345678", "13912345678"),
        ("0911-1234567", "0911-1234567"),
        ("010 12345678", "01012345678"),
        ("0510-81234567-8021", "0510-81234567-8021"),
        ("+86 911 1234567", "09111234567"),
        ("+44 20 7946 0958", "+442079460958"),
        ("（0911）1234567", "09111234567"),
    ],
)
def test_accepted_phones(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["12912345678", "1391234567", "139123456789", "abc", "+0", "911-1234567", "", "1" * 40, "+86"],
)
def test_refused_phones(typed):
    with pytest.raises(ValidationError):
        normalize_phone(typed)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+8613912345678", "'+8613912345678"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("延安中学", "延安中学"),
        (None, ""),
        (24, "24"),
    ],
)
def test_spreadsheet_formulas_are_neutralised(value, expected):
    assert neutralize_formula(value) == expected


def test_english_catalogue_is_complete():
    po = polib.pofile(str(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in po if not entry.translated() or entry.fuzzy]
    assert untranslated == []
    assert (LOCALE_DIR / "en" / "LC_MESSAGES" / "django.mo").exists()
