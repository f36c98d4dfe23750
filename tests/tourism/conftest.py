import pytest

from .builders import build


@pytest.fixture
def tourism(demo, home_page):
    """Spirits, partners, sites, routes and offerings in Chinese and English."""
    return build(demo, home_page)
