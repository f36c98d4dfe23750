"""Red site pages and joint offerings: facts, locations, expiry and where to buy."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pytest_django.asserts import assertContains

from core.geo import wgs84_to_gcj02
from tests.utils import card_titles, english_of, json_ld, soup
from tourism.models import JointOfferingPage, RedSitePage

pytestmark = pytest.mark.django_db


def test_site_page_shows_visiting_facts_and_a_self_drawn_map(client, tourism):
    response = client.get(tourism["baota"].url)
    page = soup(response)
    assert page.select_one("h1").get_text() == "宝塔山"
    assert "延安旅游集团" in page.select_one(".visit-info").get_text()
    svg = page.select_one(".location svg")
    assert len(svg.select(".svg-map__marker--site")) == 1
    assert "延安市中心" in svg.get_text()
    assert "<img" not in str(page.select_one(".location"))  # no map tiles


def test_open_in_links_use_gcj02_for_amap_and_wgs84_for_osm(client, tourism):
    page = soup(client.get(tourism["baota"].url))
    amap, osm = (a["href"] for a in page.select(".map-links a"))
    lat, lon = wgs84_to_gcj02(36.594, 109.5)
    assert f"position={lon:.6f}%2C{lat:.6f}" in amap
    assert "mlat=36.594000&mlon=109.500000" in osm


def test_english_site_shows_english_spirits_and_operator(client, tourism):
    response = client.get(english_of(tourism["baota"]).url)
    page = soup(response)
    assert page.select_one("h1").get_text() == "Baota Hill"
    assert "The Yan'an Spirit" in page.select_one(".tag-list").get_text()
    assert "Yan'an Tourism Group" in page.select_one(".visit-info").get_text()
    assertContains(response, "Open in AMap (Gaode)")


def test_json_ld_is_a_tourist_attraction_with_geo(client, tourism):
    data = json_ld(client.get(english_of(tourism["baota"]).url))
    assert data["@type"] == "TouristAttraction"
    assert data["name"] == "Baota Hill"
    assert data["geo"]["@type"] == "GeoCoordinates"
    assert (data["geo"]["latitude"], data["geo"]["longitude"]) == (36.594, 109.5)
    assert data["address"]["addressCountry"] == "CN"
    assert data["provider"]["name"] == "Yan'an Tourism Group"


def test_site_index_groups_sites_by_city(client, tourism):
    page = soup(client.get(tourism["site_index"].url))
    headings = [h.get_text() for h in page.select("main section > h2")]
    assert headings == ["延安", "无锡"]
    assert len(page.select("#city-wuxi .card")) == 1


def test_coordinates_out_of_range_are_refused(tourism):
    site = RedSitePage.objects.get(pk=tourism["baota"].pk)
    site.latitude = 95
    with pytest.raises(ValidationError) as error:
        site.full_clean()
    assert "latitude" in error.value.message_dict


def test_listing_shows_current_offerings_and_drops_ended_ones(client, tourism):
    response = client.get(tourism["offering_index"].url)
    assert card_titles(response) == ["联票"]
    assert "灵山" in soup(response).select_one(".card__partners").get_text()


def test_ended_offering_keeps_its_page_with_a_notice(client, tourism):
    response = client.get(english_of(tourism["past_event"]).url)
    assert response.status_code == 200
    notice = soup(response).select_one(".notice--ended").get_text()
    assert "This offering ended on" in notice
    # Nothing to buy any more: no booking block.
    assert soup(response).select_one(".where-to-buy") is None
    data = json_ld(response)
    assert data["offers"]["availability"] == "https://schema.org/Discontinued"


def test_offering_page_says_where_to_buy_from_each_partner(client, tourism):
    response = client.get(tourism["ticket"].url)
    buy = soup(response).select_one(".where-to-buy")
    hrefs = [a["href"] for a in buy.select("a")]
    assert "https://example.cn/yanlv-group" in hrefs
    assert "https://example.cn/lingshan-group" in hrefs
    assert "tel:0911-0000000" in hrefs
    related = soup(response).select_one(".related").get_text()
    assert "双城五日游" in related
    assert "宝塔山" in related


def test_filters_by_partner_and_kind_and_ignore_nonsense(client, tourism):
    url = tourism["offering_index"].url
    assert card_titles(client.get(url + "?kind=ticket_bundle")) == ["联票"]
    assert card_titles(client.get(url + "?kind=show")) == []
    assert card_titles(client.get(url + "?partner=lingshan-group")) == ["联票"]
    for query in ("?kind=%ff%fe", "?partner=<script>", "?page=0", "?kind=" + "x" * 3000):
        response = client.get(url + query)
        assert response.status_code == 200, query
        assert card_titles(response) == ["联票"]


def test_json_ld_is_a_product_offered_by_the_partners(client, tourism):
    data = json_ld(client.get(english_of(tourism["ticket"]).url))
    assert data["@type"] == "Product"
    assert data["name"] == "Twin ticket"
    offer = data["offers"]
    assert offer["@type"] == "Offer"
    assert (offer["price"], offer["priceCurrency"]) == ("199", "CNY")
    assert offer["availability"] == "https://schema.org/InStock"
    assert [(o["@type"], o["name"]) for o in offer["offeredBy"]] == [
        ("Organization", "Yan'an Tourism Group"),
        ("Organization", "Lingshan Group"),
    ]


def test_an_offering_needs_at_least_one_partner_and_sane_dates(tourism):
    offering = JointOfferingPage.objects.get(pk=tourism["ticket"].pk)
    form_class = JointOfferingPage.get_edit_handler().get_form_class()
    today = timezone.localdate()
    form = form_class(
        {
            "title": "联票",
            "slug": "twin-ticket",
            "summary": "简介",
            "kind": "ticket_bundle",
            "valid_from": today.isoformat(),
            "valid_to": (today - datetime.timedelta(days=1)).isoformat(),
            "includes-count": "0",
            "related-count": "0",
        },
        instance=offering,
        parent_page=offering.get_parent(),
        for_user=None,
    )
    assert not form.is_valid()
    assert "partners" in form.errors
    assert "结束日期不能早于开始日期。" in form.errors["valid_to"]
