"""The demo content a newcomer sees after `make run`, and the English catalogue."""

from pathlib import Path

import polib
import pytest
from django.utils import timezone
from wagtail.models import Locale

from tourism import demo_content
from tourism.models import Flight, JointOfferingPage, Partner, RedSitePage, RoutePage, Spirit

CATALOGUE = Path(__file__).parents[2] / "tourism" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_english_message_is_translated():
    po = polib.pofile(str(CATALOGUE))
    untranslated = [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert untranslated == []
    assert CATALOGUE.with_suffix(".mo").exists()


@pytest.mark.django_db
def test_demo_content_covers_the_plan_in_both_languages(demo_site, demo):
    zh, en = Locale.objects.get(language_code="zh-hans"), Locale.objects.get(language_code="en")
    for model, minimum in ((RedSitePage, 14), (RoutePage, 6), (JointOfferingPage, 5)):
        assert model.objects.filter(locale=zh, live=True).count() >= minimum, model
        assert (
            model.objects.filter(locale=en, live=True).count()
            == model.objects.filter(locale=zh).count()
        ), model
    counties = set(RedSitePage.objects.filter(locale=zh).values_list("county", flat=True))
    for county in ("延川县", "延长县", "宜川县", "安塞区"):
        assert county in counties
    assert RedSitePage.objects.filter(locale=zh, city="wuxi").count() >= 4
    assert Spirit.objects.filter(locale=en).count() == 3
    groups = Partner.objects.filter(locale=zh, kind="tourism_group")
    assert groups.count() == 4
    offered = set(
        JointOfferingPage.objects.filter(locale=zh).values_list("partners__slug", flat=True)
    )
    assert {g.slug for g in groups} <= offered
    assert {"celay", "jiangnan-university"} <= set(
        Partner.objects.filter(locale=en).values_list("slug", flat=True)
    )
    # The demo's flight season is dated from today, so it is current whenever the demo loads.
    assert Flight.objects.valid_on(timezone.localdate()).count() == 2
    twin = RoutePage.objects.get(locale=en, slug="twin-city-direct-flight")
    assert twin.flights.count() == 2
    assert [day["overnight"] for day in twin.itinerary_days][:2] == ["Wuxi", "Central Yan'an"]
    # Idempotent: a second run creates nothing.
    before = RoutePage.objects.count()
    demo_content.load(demo)
    assert (RoutePage.objects.count(), demo.created) == (before, 0)
