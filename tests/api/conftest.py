"""The API serves the content the page tests build: the same module-shared fixtures."""

from tests.education.conftest import _tours, tours  # noqa: F401
from tests.tourism.conftest import _tourism, tourism  # noqa: F401
from tests.training.conftest import _training, training  # noqa: F401
