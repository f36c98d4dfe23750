"""Red site pages and joint offerings: facts, locations, expiry and where to buy."""

import datetime

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone

from core.geo import wgs84_to_gcj02
from tourism.models import JointOfferingPage, RedSitePage

from .builders import ContentTestCase, english
from .helpers import card_titles, json_ld, soup


class RedSiteTests(ContentTestCase, TestCase):
    def test_site_page_shows_visiting_facts_and_a_self_drawn_map(self):
        response = self.client.get(self.content["baota"].url)
        page = soup(response)
        self.assertEqual(page.select_one("h1").get_text(), "宝塔山")
        self.assertIn("延安旅游集团", page.select_one(".visit-info").get_text())
        svg = page.select_one(".location svg")
        self.assertEqual(len(svg.select(".svg-map__marker--site")), 1)
        self.assertIn("延安市中心", svg.get_text())
        self.assertNotIn("<img", str(page.select_one(".location")))  # no map tiles

    def test_open_in_links_use_gcj02_for_amap_and_wgs84_for_osm(self):
        page = soup(self.client.get(self.content["baota"].url))
        amap, osm = (a["href"] for a in page.select(".map-links a"))
        lat, lon = wgs84_to_gcj02(36.594, 109.5)
        self.assertIn(f"position={lon:.6f}%2C{lat:.6f}", amap)
        self.assertIn("mlat=36.594000&mlon=109.500000", osm)

    def test_english_site_shows_english_spirits_and_operator(self):
        response = self.client.get(english(self.content["baota"]).url)
        page = soup(response)
        self.assertEqual(page.select_one("h1").get_text(), "Baota Hill")
        self.assertIn("The Yan'an Spirit", page.select_one(".tag-list").get_text())
        self.assertIn("Yan'an Tourism Group", page.select_one(".visit-info").get_text())
        self.assertContains(response, "Open in AMap (Gaode)")

    def test_json_ld_is_a_tourist_attraction_with_geo(self):
        data = json_ld(self.client.get(english(self.content["baota"]).url))
        self.assertEqual(data["@type"], "TouristAttraction")
        self.assertEqual(data["name"], "Baota Hill")
        self.assertEqual(data["geo"]["@type"], "GeoCoordinates")
        self.assertEqual((data["geo"]["latitude"], data["geo"]["longitude"]), (36.594, 109.5))
        self.assertEqual(data["address"]["addressCountry"], "CN")
        self.assertEqual(data["provider"]["name"], "Yan'an Tourism Group")

    def test_site_index_groups_sites_by_city(self):
        page = soup(self.client.get(self.content["site_index"].url))
        headings = [h.get_text() for h in page.select("main section > h2")]
        self.assertEqual(headings, ["延安", "无锡"])
        self.assertEqual(len(page.select("#city-wuxi .card")), 1)

    def test_coordinates_out_of_range_are_refused(self):
        site = RedSitePage.objects.get(pk=self.content["baota"].pk)
        site.latitude = 95
        with self.assertRaises(ValidationError) as error:
            site.full_clean()
        self.assertIn("latitude", error.exception.message_dict)


class OfferingTests(ContentTestCase, TestCase):
    def test_listing_shows_current_offerings_and_drops_ended_ones(self):
        response = self.client.get(self.content["offering_index"].url)
        self.assertEqual(card_titles(response), ["联票"])
        self.assertIn("灵山", soup(response).select_one(".card__partners").get_text())

    def test_ended_offering_keeps_its_page_with_a_notice(self):
        response = self.client.get(english(self.content["past_event"]).url)
        self.assertEqual(response.status_code, 200)
        notice = soup(response).select_one(".notice--ended").get_text()
        self.assertIn("This offering ended on", notice)
        self.assertNotContains(response, "Where to buy")
        data = json_ld(response)
        self.assertEqual(data["offers"]["availability"], "https://schema.org/Discontinued")

    def test_offering_page_says_where_to_buy_from_each_partner(self):
        response = self.client.get(self.content["ticket"].url)
        buy = soup(response).select_one(".where-to-buy")
        hrefs = [a["href"] for a in buy.select("a")]
        self.assertIn("https://example.cn/yanlv-group", hrefs)
        self.assertIn("https://example.cn/lingshan-group", hrefs)
        self.assertIn("tel:0911-0000000", hrefs)
        related = soup(response).select_one(".related").get_text()
        self.assertIn("双城五日游", related)
        self.assertIn("宝塔山", related)

    def test_filters_by_partner_and_kind_and_ignore_nonsense(self):
        url = self.content["offering_index"].url
        self.assertEqual(card_titles(self.client.get(url + "?kind=ticket_bundle")), ["联票"])
        self.assertEqual(card_titles(self.client.get(url + "?kind=show")), [])
        self.assertEqual(card_titles(self.client.get(url + "?partner=lingshan-group")), ["联票"])
        for query in ("?kind=%ff%fe", "?partner=<script>", "?page=0", "?kind=" + "x" * 3000):
            response = self.client.get(url + query)
            self.assertEqual(response.status_code, 200, query)
            self.assertEqual(card_titles(response), ["联票"])

    def test_json_ld_is_a_product_offered_by_the_partners(self):
        data = json_ld(self.client.get(english(self.content["ticket"]).url))
        self.assertEqual(data["@type"], "Product")
        self.assertEqual(data["name"], "Twin ticket")
        offer = data["offers"]
        self.assertEqual(offer["@type"], "Offer")
        self.assertEqual((offer["price"], offer["priceCurrency"]), ("199", "CNY"))
        self.assertEqual(offer["availability"], "https://schema.org/InStock")
        self.assertEqual(
            [(o["@type"], o["name"]) for o in offer["offeredBy"]],
            [("Organization", "Yan'an Tourism Group"), ("Organization", "Lingshan Group")],
        )

    def test_an_offering_needs_at_least_one_partner_and_sane_dates(self):
        offering = JointOfferingPage.objects.get(pk=self.content["ticket"].pk)
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
        self.assertFalse(form.is_valid())
        self.assertIn("partners", form.errors)
        self.assertIn("结束日期不能早于开始日期。", form.errors["valid_to"])
