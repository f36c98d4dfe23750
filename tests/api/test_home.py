"""The home page as data: a mini-program's first screen, in both languages, on the full demo."""

import pytest

pytestmark = pytest.mark.django_db
API = "/api/v1"


def home(client, **params):
    response = client.get(f"{API}/home/", params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize(
    ("locale", "heading", "first_section", "cta"),
    [
        ("zh-hans", "延安精神永放光芒", "精品线路", "了解研学"),
        ("en", "The Yan'an Spirit Shines Forever", "Featured routes", "Explore study tours"),
    ],
)
def test_the_home_page_in_each_language(client, demo_site, locale, heading, first_section, cta):
    data = home(client, locale=locale)
    assert (data["locale"], data["hero_heading"]) == (locale, heading)
    assert data["image"]["renditions"]["large"]["url"].startswith("http://testserver/")
    assert "1997" in data["body_html"]
    routes = data["sections"][0]
    assert routes["heading"] == first_section
    assert len(routes["items"]) == 3
    assert all(item["locale"] == locale for item in routes["items"])
    # Each card leads to its detail in this API, in the same language.
    detail = client.get(routes["items"][0]["api_url"]).json()
    assert (detail["id"], detail["title"]) == (
        routes["items"][0]["id"],
        routes["items"][0]["title"],
    )
    assert detail["itinerary"]
    # "See all" leads to the listing.
    listing = client.get(routes["link"]["api_url"]).json()
    assert listing["count"] >= 3
    assert data["call_to_action"]["label"] == cta
    assert "/study-bases/" in data["call_to_action"]["link"]["api_url"]
    assert data["translations"].keys() == {"zh-hans", "en"}


def test_the_language_follows_accept_language(client, demo_site):
    response = client.get(f"{API}/home/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["hero_heading"] == "The Yan'an Spirit Shines Forever"
    assert "Accept-Language" in response["Vary"]
