"""A TestCase base that builds the bilingual site once per class, not once per test."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase
from wagtail.models import Locale

from core.demo import Demo
from home import demo_content as home_demo

from .builders import make_cohort, make_index, make_programme, tourism_content


class TrainingTestCase(TestCase):
    """Home (zh + en), two red sites, two institutions, the index and one translated programme."""

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.cn", "password"
        )
        cls.demo = Demo(user=cls.admin)
        cls.home = home_demo.load(cls.demo)
        cls.content = tourism_content(cls.demo, cls.home)
        cls.index = make_index(cls.demo, cls.home)
        cls.english = Locale.objects.get(language_code="en")
        cls.english_index = cls.index.get_translation(cls.english)
        cls.programme = make_programme(cls.demo, cls.index, cls.content)
        cls.english_programme = cls.programme.get_translation(cls.english)

    def setUp(self):
        # Rate-limit counters live in the cache; each test starts with none.
        cache.clear()
        self.addCleanup(cache.clear)

    def make_cohort(self, **fields):
        return make_cohort(self.programme, **fields)

    def enquire_url(self, page=None):
        page = page or self.programme
        return page.url + page.reverse_subpage("enquire")
