import pytest
from django.conf import settings
from wagtail.models import Collection, Locale, Page


@pytest.fixture
def wagtail_basics(db):
    """The locales, root collection and root page that data migrations create.

    A transactional test flushes the database when it ends, and in a run that
    also has TestCase classes the serialized rollback has been seen not to
    bring them back; request this before `demo` in transactional tests.
    """
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
