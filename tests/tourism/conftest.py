import copy

import pytest

from tests.builders import make_tourism


@pytest.fixture(scope="module")
def _tourism(module_demo, module_home, django_db_blocker):
    with django_db_blocker.unblock():
        return {"home": module_home, **make_tourism(module_demo, module_home)}


@pytest.fixture
def tourism(_tourism):
    """Spirits, partners, sites, routes and offerings in Chinese and English, by name.

    Built once per module; each test gets its own copies of the objects, as
    Django's setUpTestData gives, so changing one in memory leaks nowhere.
    """
    return copy.deepcopy(_tourism)
