import copy
from types import SimpleNamespace

import pytest

from tests.builders import make_programme, make_programme_index, make_stage_content
from tests.utils import english_of


@pytest.fixture(scope="module")
def _training(module_demo, module_home, django_db_blocker):
    with django_db_blocker.unblock():
        content = make_stage_content(module_demo, module_home)
        index = make_programme_index(module_demo, module_home)
        programme = make_programme(module_demo, index, content)
        return SimpleNamespace(
            demo=module_demo,
            admin=module_demo.user,
            home=module_home,
            content=content,
            index=index,
            english_index=english_of(index),
            programme=programme,
            english_programme=english_of(programme),
        )


@pytest.fixture
def training(_training):
    """Home (zh + en), red sites and institutions of both cities, the programme
    index and one translated programme, with a superuser.

    Built once per module; each test gets its own copies of the objects, as
    Django's setUpTestData gives, so changing one in memory leaks nowhere.
    """
    return copy.deepcopy(_training)
