import pytest

from tests.builders import make_search_pages


@pytest.fixture(scope="module")
def site_pages(module_demo, module_home, django_db_blocker):
    """The home page and the search pages of tests.builders.search, in both languages.

    Built once per test module; each test runs in a savepoint within it.
    """
    with django_db_blocker.unblock():
        return make_search_pages(module_demo, module_home)
