"""Every tourism page type: where it may live, and that it routes, renders and previews."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from tests.utils import english_of
from tourism.models import (
    JointOfferingIndexPage,
    JointOfferingPage,
    RedSiteIndexPage,
    RedSitePage,
    RouteIndexPage,
    RoutePage,
)

pytestmark = pytest.mark.django_db


PAGE_TYPES = [
    RedSiteIndexPage,
    RedSitePage,
    RouteIndexPage,
    RoutePage,
    JointOfferingIndexPage,
    JointOfferingPage,
]


def listblock(items):
    """ListBlock form data, the counterpart of Wagtail's `streamfield` helper."""
    data = {
        str(i): {"value": value, "deleted": "", "order": str(i)} for i, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def preview_data(page, c):
    """What an editor would post from the edit form of `page`.

    Wagtail's default reads the edit page's HTML, but StreamField editors are
    drawn by JavaScript and leave no inputs there, so the data is spelt out.
    """
    data = {"title": page.title, "slug": page.slug, "seo_title": "", "search_description": ""}
    if isinstance(page, RedSitePage):
        data.update(
            summary="简介", image="", city="yanan", county="宝塔区", address="", latitude="36.594",
            longitude="109.5", opening_hours="", ticket_notes="", accessibility_notes="",
            spirits=[c["yanan_spirit"].pk], operator=c["yanlv"].pk,
            body=streamfield([
                ("paragraph", rich_text("<p>正文</p>")),
                ("quote", {"text": "为人民服务", "attribution": "毛泽东"}),
                ("timeline", {"title": "历史", "events": listblock([
                    {"date": "1944-09-08", "precision": "day", "title": "讲话", "text": ""}
                ])}),
            ]),
            related_sites=streamfield([("site", c["zaoyuan"].pk)]),
        )  # fmt: skip
    elif isinstance(page, RoutePage):
        data.update(
            summary="简介", hero_image="", days="1", pace="moderate", start_city="yanan",
            end_city="yanan", region="yanan", audiences=["families"], best_seasons=["spring"],
            price_from="168", spirits=[c["yanan_spirit"].pk], operators=[c["yanlv"].pk],
            transport_notes="", flights=[c["flight"].pk],
            included=streamfield([("item", "门票")]), not_included=streamfield([]),
            related_routes=streamfield([]),
            itinerary=streamfield([("day", {
                "title": "第一天", "description": "", "meals": ["lunch"], "overnight": "",
                "stops": listblock([{"site": c["baota"].pk, "time": "09:00", "note": ""}]),
            })]),
        )  # fmt: skip
    elif isinstance(page, JointOfferingPage):
        data.update(
            summary="简介", image="", partners=[c["yanlv"].pk, c["lingshan"].pk],
            kind="ticket_bundle", valid_from="", valid_to="", price_from="",
            description=rich_text("<p>介绍</p>"), includes=streamfield([("item", "门票")]),
            booking_url="", booking_hotline="", related=streamfield([("route", c["day_route"].pk)]),
        )  # fmt: skip
    else:
        data["intro"] = rich_text("<p>导语</p>")
    # nested_form_data would number list items; multi-value fields stay lists.
    lists = {key: value for key, value in data.items() if isinstance(value, list)}
    flat = nested_form_data({key: value for key, value in data.items() if key not in lists})
    return flat | lists


def pages(tourism):
    c = tourism
    zh = [
        c["site_index"],
        c["baota"],
        c["route_index"],
        c["day_route"],
        c["twin_route"],
        c["offering_index"],
        c["ticket"],
        c["past_event"],
    ]
    return zh + [english_of(page) for page in zh]


def test_index_pages_hang_under_the_home_page_only(page_checks):
    for index, child in [
        (RedSiteIndexPage, RedSitePage),
        (RouteIndexPage, RoutePage),
        (JointOfferingIndexPage, JointOfferingPage),
    ]:
        page_checks.assertAllowedParentPageTypes(index, {HomePage})
        page_checks.assertAllowedSubpageTypes(index, {child})
        page_checks.assertAllowedParentPageTypes(child, {index})
        page_checks.assertAllowedSubpageTypes(child, set())
        page_checks.assertCanCreateAt(HomePage, index)
        page_checks.assertCanCreateAt(index, child)
        page_checks.assertCanNotCreateAt(Page, index)
        page_checks.assertCanNotCreateAt(HomePage, child)


def test_an_index_exists_once_per_home_page(tourism):
    home = tourism["site_index"].get_parent()
    for index in (RedSiteIndexPage, RouteIndexPage, JointOfferingIndexPage):
        assert not index.can_create_at(home)


def test_every_page_routes_and_renders_in_both_languages(page_checks, subtests, tourism):
    for page in pages(tourism):
        with subtests.test(page=page.url_path, locale=page.locale.language_code):
            page = page.specific
            page_checks.assertPageIsRoutable(page)
            page_checks.assertPageIsRenderable(page)


def test_every_page_previews_from_the_editor(page_checks, subtests, tourism):
    # English pages are edited in wagtail-localize's translation editor,
    # which previews through its own view; the page editor serves Chinese.
    for page in pages(tourism)[:8]:
        with subtests.test(page=page.url_path):
            page = page.specific
            page_checks.assertPageIsPreviewable(page, post_data=preview_data(page, tourism))


def test_every_page_type_has_search_fields_and_help_text(subtests):
    own = {"title", "slug", "seo_title", "search_description", "show_in_menus"}
    for model in PAGE_TYPES:
        with subtests.test(model=model.__name__):
            assert model.search_fields
            for field in model._meta.get_fields():
                if field.model is model and getattr(field, "editable", False):
                    if field.name in own or field.auto_created:
                        continue
                    assert field.help_text, f"{model.__name__}.{field.name}"
