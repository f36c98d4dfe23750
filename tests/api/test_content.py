"""The partner API's read endpoints: what the listing and detail pages show, as data."""

import pytest
from django.utils.http import http_date
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.utils import english_of
from tourism.models import RoutePage

pytestmark = pytest.mark.django_db
API = "/api/v1"


def get(client, path, **params):
    response = client.get(f"{API}{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def test_routes_are_listed_in_each_language(client, tourism):
    chinese = get(client, "/routes/", locale="zh-hans")
    english = get(client, "/routes/", locale="en")
    assert titles(chinese) == ["延安一日游", "双城五日游"]
    assert titles(english) == ["A day in Yan'an", "Twin cities in five days"]
    day = english["items"][0]
    assert day["locale"] == "en"
    assert day["url"].endswith("/en/routes/yanan-day/")
    assert day["region"] == {"value": "yanan", "label": "Yan'an"}
    assert day["spirits"][0]["name"] == "The Yan'an Spirit"
    assert day["price_from"] == 168


def test_language_follows_accept_language_without_locale(client, tourism):
    response = client.get(f"{API}/routes/", HTTP_ACCEPT_LANGUAGE="en")
    assert titles(response.json())[0] == "A day in Yan'an"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"city": "wuxi"}, ["双城五日游"]),
        ({"city": "yanan"}, ["延安一日游", "双城五日游"]),
        ({"duration": "1"}, ["延安一日游"]),
        ({"spirit": "nanniwan-spirit"}, ["双城五日游"]),
        ({"audience": "families"}, ["延安一日游"]),
        ({"partner": "lingshan-group"}, ["双城五日游"]),
        ({"partner": "lingshan-group", "duration": "1"}, []),
    ],
)
def test_route_filters_are_the_listing_pages(client, tourism, filters, expected):
    data = get(client, "/routes/", locale="zh-hans", **filters)
    assert titles(data) == expected
    assert data["count"] == len(expected)


def test_an_unknown_filter_value_is_a_clear_error_in_the_requested_language(client, tourism):
    chinese = client.get(f"{API}/routes/", {"spirit": "no-such-spirit", "locale": "zh-hans"})
    english = client.get(f"{API}/routes/", {"spirit": "no-such-spirit", "locale": "en"})
    assert chinese.status_code == english.status_code == 422
    assert chinese["Content-Type"] == "application/problem+json"
    assert chinese.json()["errors"][0]["loc"] == ["spirit"]
    assert "选择一个有效的选项" in chinese.json()["errors"][0]["msg"]
    assert "Select a valid choice" in english.json()["errors"][0]["msg"]


def test_a_fixed_filter_outside_its_choices_is_refused_in_the_requested_language(client, tourism):
    response = client.get(f"{API}/routes/", {"duration": "9", "locale": "en"})
    assert response.status_code == 422
    assert "Select a valid choice" in response.json()["errors"][0]["msg"]


def test_pages_of_results_link_to_each_other(client, tourism):
    first = get(client, "/routes/", locale="en", limit=1)
    assert first["count"] == 2 and titles(first) == ["A day in Yan'an"]
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    assert titles(second) == ["Twin cities in five days"]
    assert second["next"] is None and second["previous"]
    too_many = client.get(f"{API}/routes/", {"limit": 500})
    assert too_many.status_code == 422


def test_a_route_has_its_itinerary_with_stop_coordinates_and_todays_flights(client, tourism):
    route = tourism["twin_route"]
    data = get(client, f"/routes/{route.pk}/")
    assert data["title"] == "双城五日游" and data["locale"] == "zh-hans"
    days = data["itinerary"]
    assert [day["number"] for day in days] == [1, 2]
    stops = [stop for day in days for stop in day["stops"]]
    assert [stop["number"] for stop in stops] == [1, 2, 3]
    assert stops[1]["site"]["title"] == "宝塔山"
    assert (stops[1]["site"]["latitude"], stops[1]["site"]["longitude"]) == (36.594, 109.5)
    assert stops[1]["time"] == "16:00:00"
    assert [f["flight_number"] for f in data["flights"]] == ["DR6551"]
    assert {p["slug"] for p in data["operators"]} == {"yanlv-group", "lingshan-group"}
    assert data["translations"] == {"zh-hans": route.pk, "en": english_of(route).pk}


def test_a_route_in_english_by_either_id(client, tourism):
    route = tourism["twin_route"]
    by_chinese_id = get(client, f"/routes/{route.pk}/", locale="en")
    by_english_id = get(client, f"/routes/{english_of(route).pk}/")
    assert by_chinese_id == by_english_id
    assert by_english_id["itinerary"][1]["stops"][0]["site"]["title"] == "Baota Hill"
    assert by_english_id["operators"][1]["name"] == "Lingshan Group"


def test_an_unknown_or_unpublished_page_is_not_found(client, tourism):
    route = tourism["day_route"]
    route.unpublish()
    for path in (f"/routes/{route.pk}/", "/routes/999999/", f"/red-sites/{route.pk}/"):
        response = client.get(f"{API}{path}")
        assert response.status_code == 404
        assert response.json()["status"] == 404
    assert titles(get(client, "/routes/", locale="zh-hans")) == ["双城五日游"]


def test_red_sites_and_their_operators(client, tourism):
    data = get(client, "/red-sites/", locale="en")
    assert "Baota Hill" in titles(data)
    site = get(client, f"/red-sites/{tourism['baota'].pk}/", locale="en")
    assert site["operator"]["slug"] == "yanlv-group"
    assert site["city"]["value"] == "yanan"
    assert (site["latitude"], site["longitude"]) == (36.594, 109.5)


def test_offerings_filter_by_partner(client, tourism):
    data = get(client, "/offerings/", locale="en", partner="lingshan-group")
    assert "Twin ticket" in titles(data)
    offering = get(client, f"/offerings/{data['items'][0]['id']}/")
    assert {p["slug"] for p in offering["partners"]} == {"yanlv-group", "lingshan-group"}


def test_snippets_in_each_language(client, tourism):
    spirits = get(client, "/spirits/", locale="en")
    assert {s["slug"]: s["name"] for s in spirits}["yanan-spirit"] == "The Yan'an Spirit"
    partners = get(client, "/partners/", locale="zh-hans")
    assert {p["slug"]: p["name"] for p in partners}["lingshan-group"] == "灵山集团"
    flights = get(client, "/flights/", locale="en")
    assert [f["flight_number"] for f in flights] == ["DR6551"]
    assert flights[0]["origin_name"] == "Wuxi Sunan Shuofang International Airport"


def test_an_expired_flight_is_not_listed(client, tourism):
    tourism["flight"].valid_to = tourism["flight"].valid_from
    tourism["flight"].valid_from = tourism["flight"].valid_from.replace(year=2020)
    tourism["flight"].valid_to = tourism["flight"].valid_from
    tourism["flight"].save()
    assert get(client, "/flights/") == []


def test_images_come_as_absolute_rendition_urls(client, tourism):
    image = get_image_model().objects.create(
        title="宝塔", file=get_test_image_file(size=(1600, 900)), description="宝塔山远眺"
    )
    site = tourism["baota"]
    site.image = image
    site.save_revision().publish()
    data = get(client, f"/red-sites/{site.pk}/")
    card = data["image"]["renditions"]["card"]
    rendition = image.renditions.get(filter_spec="fill-800x500|format-webp")
    assert card["url"] == f"http://testserver{rendition.url}"
    assert data["image"]["alt"] == "宝塔山远眺"
    assert (card["width"], card["height"]) == (800, 500)


def test_a_page_says_when_it_was_last_published(client, tourism):
    route = tourism["day_route"]
    response = client.get(f"{API}/routes/{route.pk}/")
    published = RoutePage.objects.get(pk=route.pk).last_published_at
    assert response["Last-Modified"] == http_date(published.timestamp())


def test_cors_for_listed_origins_only(client, tourism, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example.cn"]
    allowed = client.get(f"{API}/routes/", HTTP_ORIGIN="https://partner.example.cn")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example.cn"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = client.get(f"{API}/routes/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(
        f"{API}/routes/",
        HTTP_ORIGIN="https://partner.example.cn",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, idempotency-key",
    )
    assert "idempotency-key" in preflight["Access-Control-Allow-Headers"]
