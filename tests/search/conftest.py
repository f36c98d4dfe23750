import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.test import TestCase, override_settings

from core.demo import Demo
from home import demo_content

from . import corpus

CJK_BACKEND = {"default": {"BACKEND": "search.backends"}}


@pytest.fixture(autouse=True)
def cjk_search_backend(settings):
    """Until the lead switches settings.WAGTAILSEARCH_BACKENDS, tests switch it themselves."""
    settings.WAGTAILSEARCH_BACKENDS = CJK_BACKEND
    cache.clear()


@pytest.fixture(scope="module")
def site_pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """The home page and the fixture pages of tests/search/corpus.py, in both languages.

    Built once per test module inside a transaction that is rolled back at the
    end of the module; each test runs in a savepoint within it.
    """
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(WAGTAILSEARCH_BACKENDS=CJK_BACKEND, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        user = get_user_model().objects.create_superuser("editor", "editor@example.cn", "pw")
        demo = Demo(user=user)
        # wagtail-localize publishes translations when the transaction commits.
        with TestCase.captureOnCommitCallbacks(execute=True):
            home = demo_content.load(demo)
            pages = corpus.build(demo, home)
        yield pages
        transaction.set_rollback(True)
