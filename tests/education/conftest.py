import copy
from types import SimpleNamespace

import pytest

from tests.builders import make_study_base, make_study_base_index
from tests.utils import english_of


@pytest.fixture(scope="module")
def _tours(module_demo, module_home, django_db_blocker):
    with django_db_blocker.unblock():
        index = make_study_base_index(module_demo, module_home)
        base = make_study_base(module_demo, index)
        return SimpleNamespace(
            demo=module_demo,
            admin=module_demo.user,
            home=module_home,
            index=index,
            base=base,
            english_base=english_of(base),
        )


@pytest.fixture
def tours(_tours):
    """Home (zh + en), the study-base index and one translated base, with a superuser.

    Built once per module; each test gets its own copies of the objects, as
    Django's setUpTestData gives, so changing one in memory leaks nowhere.
    """
    return copy.deepcopy(_tours)
