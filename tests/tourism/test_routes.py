"""The route listing and route pages, as a traveller uses them in either language."""

import datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from tests.builders import itinerary
from tests.utils import card_titles, english_of, json_ld, soup
from tourism.models import RoutePage

ZH = "/zh-hans/routes/"
EN = "/en/routes/"

pytestmark = pytest.mark.django_db


def titles(client, query="", base=ZH):
    response = client.get(base + query)
    assert response.status_code == 200
    return sorted(card_titles(response))


def test_lists_every_route_with_a_count(client, tourism):
    response = client.get(ZH)
    assert sorted(card_titles(response)) == ["双城五日游", "延安一日游"]
    assertContains(response, "找到 2 条结果")
    assertContains(response, "¥168 起")


def test_city_filter_counts_a_twin_city_route_in_both_cities(client, tourism):
    assert titles(client, "?city=wuxi") == ["双城五日游"]
    assert titles(client, "?city=yanan") == ["双城五日游", "延安一日游"]
    assert titles(client, "?city=both") == ["双城五日游"]


def test_duration_audience_spirit_and_partner_filters_narrow_the_list(client, tourism):
    assert titles(client, "?duration=1") == ["延安一日游"]
    assert titles(client, "?duration=2-3") == ["双城五日游"]
    assert titles(client, "?duration=4%2B") == []
    assert titles(client, "?audience=cadres") == ["双城五日游"]
    assert titles(client, "?audience=families") == ["延安一日游"]
    assert titles(client, "?spirit=nanniwan-spirit") == ["双城五日游"]
    assert titles(client, "?spirit=yanan-spirit") == ["双城五日游", "延安一日游"]
    assert titles(client, "?partner=lingshan-group") == ["双城五日游"]
    assert titles(client, "?partner=yanlv-group&city=yanan&duration=1") == ["延安一日游"]


def test_filters_work_the_same_on_english_pages(client, tourism):
    assert titles(client, "?spirit=nanniwan-spirit&partner=lingshan-group", base=EN) == [
        "Twin cities in five days"
    ]
    response = client.get(EN)
    page = soup(response)
    options = [o.get_text() for o in page.select("select[name=spirit] option")]
    assert "The Nanniwan Spirit" in options
    assert "The Yan'an Spirit" in page.select_one(".card .tag-list").get_text()
    assertContains(response, "2 results")


def test_no_match_shows_an_empty_state_with_a_way_back(client, tourism):
    response = client.get(ZH + "?city=wuxi&duration=1")
    assertContains(response, "没有符合条件的线路。")
    assertContains(response, "找到 0 条结果")
    assertContains(response, f'href="{ZH}"')
    # The listing's own words, in the visitor's language.
    response = client.get(EN + "?city=wuxi&duration=1")
    assertContains(response, "Matching routes")
    assertContains(response, "No routes match these filters.")


def test_the_form_is_labelled_and_keeps_the_chosen_values(client, tourism):
    page = soup(client.get(ZH + "?city=wuxi&audience=cadres"))
    form = page.select_one("form.filters")
    assert form["method"] == "get"
    for select in form.select("select"):
        assert form.select_one(f'label[for="{select["id"]}"]') is not None, select["name"]
    assert form.select_one("select[name=city] option[selected]")["value"] == "wuxi"
    assert form.select_one("select[name=audience] option[selected]")["value"] == "cadres"


def test_bad_parameters_are_ignored_never_an_error(client, subtests, tourism):
    for query in [
        "?city=mars",
        "?duration=%00%01",
        "?spirit=" + "x" * 5000,
        "?partner=1%27%20OR%201=1--",
        "?page=abc",
        "?page=-1",
        "?page=99999999999999999999999",
        "?unknown=1&city=",
        "?city=wuxi&city=yanan",
        "?audience[]=cadres",
    ]:
        with subtests.test(query=query):
            response = client.get(ZH + query)
            assert response.status_code == 200
            assert len(card_titles(response)) >= 1
    response = client.get(ZH + "?city=mars&duration=1")
    assertContains(response, "链接中有无法识别的筛选条件，已忽略。")
    assert card_titles(response) == ["延安一日游"]
    response = client.get(EN + "?city=mars")
    assertContains(response, "could not be used")


def test_twelve_routes_a_page_and_filters_kept_across_pages(client, tourism):
    index = tourism["route_index"]
    for n in range(13):
        index.add_child(
            instance=RoutePage(
                title=f"线路{n:02d}",
                slug=f"extra-{n}",
                summary="简介",
                days=4,
                start_city="yanan",
                end_city="yanan",
                region="yanan",
            )
        )
    first = client.get(ZH + "?city=yanan")
    assert len(card_titles(first)) == 12
    assertContains(first, "找到 15 条结果")
    assertContains(first, 'href="?city=yanan&amp;page=2"')
    second = client.get(ZH + "?city=yanan&page=2")
    assert len(card_titles(second)) == 3
    assert len(card_titles(client.get(ZH + "?city=yanan&page=9"))) == 3


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response


def test_itinerary_lists_days_and_stops_in_order_with_times(client, tourism):
    page = soup(get(client, tourism["day_route"]))
    assert page.select_one(".day__title").get_text(" ", strip=True) == "第 1 天 第一天"
    stops = [s.get_text(" ", strip=True) for s in page.select(".stop__name")]
    assert stops == ["09:00 宝塔山", "11:00 杨家岭", "14:00 枣园"]
    assert "参观约一小时" in page.select_one(".stop__note").get_text()
    assert "午餐" in page.select_one(".day__extras").get_text()


def test_english_route_links_to_english_sites(client, tourism):
    response = get(client, english_of(tourism["day_route"]))
    page = soup(response)
    links = [(a.get_text(), a["href"]) for a in page.select(".stop__name a")]
    assert links == [
        ("Baota Hill", "/en/red-sites/baota-hill/"),
        ("Yangjialing", "/en/red-sites/yangjialing/"),
        ("Zaoyuan", "/en/red-sites/zaoyuan/"),
    ]
    assert "Day 1" in page.select_one(".day__title").get_text()
    assert "Yan'an Tourism Group" in page.select_one(".route-facts").get_text()


def test_route_map_has_a_numbered_marker_per_stop_in_visiting_order(client, tourism):
    page = soup(get(client, tourism["twin_route"]))
    svg = page.select_one(".route-map svg")
    markers = svg.select("[data-order]")
    assert [m["data-order"] for m in markers] == ["1", "2", "3"]
    assert [m.select_one(".svg-map__label").get_text() for m in markers] == [
        "灵山胜境",
        "宝塔山",
        "枣园",
    ]
    # Wuxi and Yan'an each get a panel; the flight leg between them is dashed.
    assert len(svg.select(".svg-map__panel")) == 2
    assert len(svg.select(".svg-map__leg--jump")) == 1
    assert svg["role"] == "img"


def test_a_stop_whose_site_is_unpublished_is_left_out(client, tourism):
    tourism["zaoyuan"].unpublish()
    page = soup(get(client, tourism["day_route"]))
    assert len(page.select(".stop")) == 2
    assert len(page.select(".route-map [data-order]")) == 2


def test_flights_show_only_while_valid(client, tourism):
    route = tourism["twin_route"]
    response = get(client, route)
    assertContains(response, "DR6551")
    assertContains(response, "无锡苏南硕放国际机场 (WUX) 11:20")
    flight = tourism["flight"]
    flight.valid_to = timezone.localdate() - datetime.timedelta(days=1)
    flight.save()
    assertNotContains(get(client, route), "DR6551")


def test_related_routes_are_shown_in_the_visitors_language(client, tourism):
    response = get(client, english_of(tourism["twin_route"]))
    related = soup(response).select_one(".related")
    assert "A day in Yan'an" in related.get_text()


def test_prints_cleanly(client, tourism):
    response = get(client, tourism["day_route"])
    assertContains(response, "tourism/css/tourism.css")
    button = soup(response).select_one("[data-print]")
    assert button.has_attr("hidden")  # shown by JavaScript only
    css = Path(finders.find("tourism/css/tourism.css")).read_text(encoding="utf-8")
    print_rules = css.split("@media print", 1)[1]
    for rule in (".related", ".no-print", "break-inside: avoid", ".t-hero__image"):
        assert rule in print_rules


def test_json_ld_is_a_tourist_trip_with_the_itinerary(client, tourism):
    data = json_ld(get(client, english_of(tourism["day_route"])))
    assert data["@type"] == "TouristTrip"
    assert data["name"] == "A day in Yan'an"
    assert data["inLanguage"] == "en"
    assert data["touristType"] == ["Families"]
    itinerary_ = data["itinerary"]
    assert itinerary_["@type"] == "ItemList"
    assert [i["position"] for i in itinerary_["itemListElement"]] == [1, 2, 3]
    first = itinerary_["itemListElement"][0]["item"]
    assert first["@type"] == "TouristAttraction"
    assert first["name"] == "Baota Hill"
    assert first["url"].endswith("/en/red-sites/baota-hill/")
    assert first["geo"] == {"@type": "GeoCoordinates", "latitude": 36.594, "longitude": 109.5}
    assert data["offers"]["priceCurrency"] == "CNY"
    assert data["offers"]["price"] == "168"
    assert data["provider"][0]["@type"] == "Organization"
    assert data["provider"][0]["name"] == "Yan'an Tourism Group"


def test_open_graph_describes_the_route(client, tourism):
    page = soup(get(client, tourism["day_route"]))
    assert page.select_one('meta[property="og:type"]')["content"] == "article"
    assert page.select_one('meta[property="og:title"]')["content"] == "延安一日游"
    assert page.select_one('meta[name="description"]')["content"] == "线路简介。"


def test_editor_is_told_when_days_and_itinerary_disagree(tourism):
    route = tourism["day_route"]
    form_class = RoutePage.get_edit_handler().get_form_class()
    form = form_class(instance=route, parent_page=route.get_parent(), for_user=None)
    form.cleaned_data = {"days": 3, "itinerary": route.itinerary}
    form._errors = {}
    form.clean()
    assert "天数（3）与行程中的天数（1）不一致。" in form.errors["days"]


def test_itinerary_helper_builds_valid_stream_data():
    # Guards the builder used above: one day, one stop, a time with seconds.
    import json

    class Site:
        pk = 7

    data = json.loads(itinerary([("第一天", [(Site(), "09:00", "")])]))
    assert data[0]["value"]["stops"][0] == {"site": 7, "time": "09:00:00", "note": ""}


def test_a_route_with_a_price_says_how_to_book_or_ask(client, tourism):
    """The operators sell the route: their booking pages and hotlines, and the
    site's own hotline and e-mail (subject naming the route) for anything else."""
    for route in (tourism["day_route"], english_of(tourism["day_route"])):
        block = soup(get(client, route)).select_one(".where-to-buy")
        hrefs = [a["href"] for a in block.select("a")]
        assert "https://example.cn/yanlv-group" in hrefs
        assert "tel:0911-0000000" in hrefs
        mailto = next(h for h in hrefs if h.startswith("mailto:"))
        assert mailto.startswith("mailto:info@example.cn?subject=")
        assert quote(route.title) in mailto
