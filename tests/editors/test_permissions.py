"""The editorial rules hold in every admin view that touches a page.

They are part of Wagtail's page permissions (core.editorial.pages), so the
bulk actions, previews, wagtail-localize's views and the explorer follow them
as the single-page views do.
"""

import pytest
from wagtail.models import Page, get_page_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.editorial.pages import EditorialPage
from tests.builders import edit_url, route_form_data
from tests.utils import english_of

pytestmark = pytest.mark.django_db

BULK_ACTIONS = ["delete", "move", "publish", "unpublish"]


def bulk_url(action, page):
    return f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}"


def make_draft(page):
    """The page unpublished: what an editor (no publish permission) may delete or move."""
    Page.objects.filter(pk=page.pk).update(live=False)
    page.refresh_from_db()
    return page


def refused_in_bulk(client, action, page):
    """Whether the bulk action's confirmation lists `page` among those the user may not touch."""
    response = client.get(bulk_url(action, page))
    assert response.status_code == 200
    refused = {item["item"].pk for item in response.context["items_with_no_access"]}
    allowed = {item["item"].pk for item in response.context["items"]}
    assert (page.pk in refused) != (page.pk in allowed)
    return page.pk in refused


@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_bulk_actions_refuse_the_other_city_and_chinese_pages_to_translators(
    client_for, wuxi_editor, translator, routes, action
):
    yanan = make_draft(routes["yanan"])
    assert refused_in_bulk(client_for(wuxi_editor), action, yanan)
    assert refused_in_bulk(client_for(translator), action, yanan)


@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_moderators_may_take_every_bulk_action(client_for, moderator, routes, action):
    assert not refused_in_bulk(client_for(moderator), action, routes["yanan"])


@pytest.mark.parametrize("action", ["delete", "move"])
def test_city_editor_may_delete_and_move_own_drafts_in_bulk(
    client_for, yanan_editor, routes, action
):
    assert not refused_in_bulk(client_for(yanan_editor), action, make_draft(routes["yanan"]))


def test_bulk_delete_of_another_citys_draft_deletes_nothing(
    client_for, wuxi_editor, translator, yanan_editor, routes
):
    yanan = make_draft(routes["yanan"])
    for user in (wuxi_editor, translator):
        client_for(user).post(bulk_url("delete", yanan))
        assert Page.objects.filter(pk=yanan.pk).exists()
    # The same request by the Yan'an team deletes it: the refusal above is the rule's.
    client_for(yanan_editor).post(bulk_url("delete", yanan))
    assert not Page.objects.filter(pk=yanan.pk).exists()


def test_preview_of_another_citys_page_is_refused(client_for, wuxi_editor, routes):
    client = client_for(wuxi_editor)
    response = client.post(f"/admin/pages/{routes['yanan'].pk}/edit/preview/")
    assert response.status_code == 403
    assert "你只能编辑无锡的页面" in response.content.decode()
    assert client.get(f"/admin/pages/{routes['yanan'].pk}/view_draft/").status_code == 403
    assert client.post(f"/admin/pages/{routes['wuxi'].pk}/edit/preview/").status_code == 200


def test_explorer_offers_actions_only_on_own_city_pages(client_for, wuxi_editor, routes):
    html = client_for(wuxi_editor).get(f"/admin/pages/{routes['yanan'].get_parent().pk}/")
    html = html.content.decode()
    for page, offered in ((routes["wuxi"], True), (routes["yanan"], False)):
        assert (edit_url(page) in html) is offered
        assert (f"/admin/pages/{page.pk}/copy/" in html) is offered


# wagtail-localize ---------------------------------------------------------------


def translation_urls(page):
    """Every wagtail-localize view of the English translation of `page`, with its method."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="en"
    )
    segment = StringSegment.objects.filter(source=translation.source).first()
    base = f"/admin/localize/translate/{translation.pk}"
    return translation, segment, {
        "edit string": ("put", f"{base}/strings/{segment.pk}/edit/"),
        "download PO": ("get", f"{base}/pofile/download/"),
        "upload PO": ("post", f"{base}/pofile/upload/"),
        "machine translate": ("post", f"{base}/machine_translate/"),
        "preview": ("get", f"{base}/preview/"),
        "stop sync": ("post", f"{base}/disable/"),
        "convert to alias": ("post", f"/admin/localize/page/{english_of(page).pk}/convert_to_alias/"),
        "update translations": ("get", f"/admin/localize/update/{translation.source_id}/"),
        "submit translation": ("get", f"/admin/localize/submit/page/{page.pk}/"),
    }  # fmt: skip


def test_localize_views_refuse_the_other_citys_translation(
    client_for, wuxi_editor, routes, settings
):
    # Without a machine translator its view answers 404 to everyone: configure wagtail-localize's
    # own dummy one, so the refusal below is the rule's.
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    translation, segment, urls = translation_urls(routes["yanan"])
    client = client_for(wuxi_editor)
    for name, (method, url) in urls.items():
        response = getattr(client, method)(url, {"value": "hacked"})
        assert response.status_code == 403 or response.get("Location") == "/admin/", name
    translation.refresh_from_db()
    assert translation.enabled
    assert not StringTranslation.objects.filter(translation_of=segment.string, data="hacked")


def test_city_editor_works_on_own_citys_translation(client_for, yanan_editor, routes):
    _translation, segment, urls = translation_urls(routes["yanan"])
    client = client_for(yanan_editor)
    method, url = urls["edit string"]
    response = client.put(
        url, "value=A+day+in+Yan%27an+and+more", "application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert client.get(urls["download PO"][1]).status_code == 200


def test_translator_starts_a_draft_translation_but_may_not_sync(
    client_for, translator, demo, route_index
):
    page = route_index.add_child(
        instance=type(route_index.get_children().first().specific)(
            title="南泥湾一日游", slug="nanniwan-day", summary="大生产运动。", locale=route_index.locale,
            start_city="yanan", end_city="yanan", region="yanan", days=1,
        )
    )  # fmt: skip
    page.save_revision(user=demo.user).publish(user=demo.user)
    client = client_for(translator)
    response = client.get(f"/admin/pages/{route_index.pk}/")
    assert f"/admin/localize/submit/page/{page.pk}/" in response.content.decode()
    # The Chinese page itself is not offered for editing.
    assert edit_url(page) not in response.content.decode()

    english_locale = english_of(route_index).locale
    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [english_locale.pk]}
    )
    english = english_of(page)
    assert response["Location"] == edit_url(english)
    # A draft: English goes live only when a moderator approves it.
    assert not english.live
    assert client.get(edit_url(english)).status_code == 200

    _translation, _segment, urls = translation_urls(page)
    response = client.get(urls["update translations"][1])
    assert response.status_code == 403
    assert "只有审核员可以同步" in response.content.decode()


def malformed_route_form(title):
    """A route form whose itinerary day has no count of stops: no browser sends this."""
    return {
        **route_form_data(title, "yanan", "yanan", "yanan", slug="yanan-day"),
        "itinerary-count": 1,
        "itinerary-0-type": "day",
        "itinerary-0-deleted": "",
        "itinerary-0-order": 0,
        "itinerary-0-value-title": "第一天",
    }


def test_malformed_preview_and_edit_answer_400(client_for, yanan_editor, routes):
    client = client_for(yanan_editor)
    route = routes["yanan"]
    response = client.post(f"/admin/pages/{route.pk}/edit/preview/", malformed_route_form("新标题"))
    assert response.status_code == 400
    assert "表单数据不完整" in response.json()["error"]
    response = client.post(edit_url(route), malformed_route_form("新标题"))
    assert response.status_code == 400
    assert "表单数据不完整" in response.content.decode()
    route.refresh_from_db()
    assert route.title == "延安一日游"
    assert not route.has_unpublished_changes


def test_red_site_chooser_opens_at_the_chinese_red_site_index(client_for, yanan_editor, red_site):
    """The itinerary's stop chooser: at the red sites, not the root of both language trees."""
    client = client_for(yanan_editor)
    response = client.get("/admin/choose-page/", {"page_type": "tourism.redsitepage"})
    index = red_site.get_parent()
    assert response.status_code == 302
    assert response["Location"].startswith(f"/admin/choose-page/{index.pk}/?")
    assert "page_type=tourism.redsitepage" in response["Location"]
    html = client.get(response["Location"]).json()["html"]
    assert "宝塔山" in html
    # Choosers of other page types open as Wagtail opens them.
    assert client.get("/admin/choose-page/").status_code == 200


def test_translator_continues_an_english_translation_from_the_chinese_page(
    client_for, translator, yanan_editor, routes
):
    route = routes["yanan"]
    english_edit = edit_url(english_of(route))
    translator_client = client_for(translator)
    assert (
        english_edit
        in translator_client.get(f"/admin/pages/{route.get_parent().pk}/").content.decode()
    )
    assert english_edit in translator_client.get(f"/admin/pages/{route.pk}/").content.decode()
    assert translator_client.get(english_edit).status_code == 200


def test_every_page_type_follows_the_editorial_rules():
    """A page type without the mixin would answer with Wagtail's unscoped permissions."""
    page_types = [model for model in get_page_models() if model is not Page]
    assert page_types
    for model in page_types:
        assert issubclass(model, EditorialPage), model
