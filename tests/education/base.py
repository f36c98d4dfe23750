"""A TestCase base that builds the bilingual site once per class, not once per test."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase
from wagtail.models import Locale

from core.demo import Demo
from home import demo_content as home_demo

from .factories import make_base, make_index, make_session


class StudyTourTestCase(TestCase):
    """Home (zh + en), the study-base index and one translated base.

    Each test runs in a transaction rolled back afterwards, so tests may
    change anything; `setUpTestData` content is built once per class.
    """

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.cn", "password"
        )
        cls.demo = Demo(user=cls.admin)
        cls.home = home_demo.load(cls.demo)
        cls.index = make_index(cls.demo, cls.home)
        cls.base = make_base(cls.demo, cls.index)
        cls.english_base = cls.base.get_translation(Locale.objects.get(language_code="en"))

    def setUp(self):
        # Rate-limit counters live in the cache; each test starts with none.
        cache.clear()
        self.addCleanup(cache.clear)

    def make_session(self, **fields):
        return make_session(self.base, **fields)
