"""Each role's can and cannot, through real requests to the admin."""

import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowState

from core.editorial import roles
from core.editorial.cities import page_cities
from education.models import TrainingProgrammePage
from tests.builders import edit_url, make_offerings, route_create_url, route_form_data
from tests.utils import assert_refused, english_of
from tourism.models import JointOfferingPage, RoutePage, Spirit

pytestmark = pytest.mark.django_db


# The groups, as a fresh install has them ------------------------------------


def test_migrations_create_the_groups_and_the_workflow():
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        roles.YANAN_EDITORS,
        roles.WUXI_EDITORS,
        roles.MODERATORS,
        roles.TRANSLATORS,
        roles.BOOKING_MANAGERS,
    } <= names
    # Wagtail's unrestricted "Editors" group is gone; the booking managers' one is not doubled.
    assert "Editors" not in names
    assert Group.objects.filter(name__icontains="booking").count() == 1
    root = Page.get_first_root_node()
    assert root.get_workflow().name == "审核发布"
    assert [t.name for t in root.get_workflow().tasks] == ["审核员审核"]
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    editors = GroupPagePermission.objects.filter(group__name=roles.YANAN_EDITORS, page=root)
    assert set(editors.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
    }
    assert not GroupPagePermission.objects.filter(group__name=roles.BOOKING_MANAGERS).exists()


def test_cities_of_pages(routes, route_index, home_page, red_site):
    assert page_cities(routes["yanan"]) == {"yanan"}
    assert page_cities(routes["both"]) == {"yanan", "wuxi"}
    assert page_cities(red_site) == {"yanan"}
    assert page_cities(route_index) == set()
    assert page_cities(home_page) == set()
    # The English page belongs to the same city as its source.
    assert page_cities(english_of(routes["wuxi"])) == {"wuxi"}


# Anonymous -------------------------------------------------------------------


def test_anonymous_user_is_sent_to_login(client, routes):
    response = client.get(edit_url(routes["yanan"]))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# City editors ----------------------------------------------------------------


def test_city_editor_edits_own_city_and_twin_routes_only(client_for, yanan_editor, routes):
    client = client_for(yanan_editor)
    assert client.get(edit_url(routes["yanan"])).status_code == 200
    assert client.get(edit_url(routes["both"])).status_code == 200
    response = client.get(edit_url(routes["wuxi"]))
    assert response.status_code == 403
    assert "你只能编辑延安的页面" in response.content.decode()


def test_wuxi_editor_gets_403_on_a_yanan_route(client_for, wuxi_editor, routes):
    client = client_for(wuxi_editor)
    assert client.get(edit_url(routes["yanan"])).status_code == 403
    assert client.get(edit_url(english_of(routes["yanan"]))).status_code == 403
    assert client.get(edit_url(routes["wuxi"])).status_code == 200
    assert client.get(edit_url(routes["both"])).status_code == 200


def test_city_editor_cannot_delete_copy_or_move_other_city(client_for, wuxi_editor, routes):
    client = client_for(wuxi_editor)
    page = routes["yanan"]
    # Wagtail itself refuses to delete a live page to an editor; the hook covers drafts.
    assert_refused(client.get(f"/admin/pages/{page.pk}/delete/"))
    assert client.get(f"/admin/pages/{page.pk}/copy/").status_code == 403
    assert_refused(client.get(f"/admin/pages/{page.pk}/move/"))
    assert RoutePage.objects.filter(pk=page.pk).exists()


def test_city_editor_cannot_edit_pages_without_a_city(client_for, yanan_editor, home_page):
    response = client_for(yanan_editor).get(edit_url(home_page))
    assert response.status_code == 403
    assert "只有审核员可以修改" in response.content.decode()


def test_editor_creates_a_route_in_own_city_only(client_for, yanan_editor, route_index):
    client = client_for(yanan_editor)
    url = route_create_url(route_index)
    assert client.get(url).status_code == 200

    refused = client.post(url, route_form_data("无锡新线路", "wuxi", "wuxi", "wuxi"))
    assert refused.status_code == 403
    assert "请在表单中选择延安" in refused.content.decode()
    assert not RoutePage.objects.filter(title="无锡新线路").exists()

    response = client.post(url, route_form_data("延安新线路", "yanan", "yanan", "yanan"))
    assert response.status_code == 302
    route = RoutePage.objects.get(title="延安新线路")
    assert route.owner == yanan_editor
    assert not route.live


def test_editor_cannot_move_own_route_to_the_other_city(client_for, yanan_editor, routes):
    page = routes["yanan"]
    data = route_form_data(page.title, "wuxi", "wuxi", "wuxi", slug=page.slug)
    response = client_for(yanan_editor).post(edit_url(page), data)
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.start_city == "yanan"


def test_editor_cannot_publish_but_can_submit(client_for, yanan_editor, routes):
    page = routes["yanan"]
    client = client_for(yanan_editor)
    data = route_form_data("延安一日游（新版）", "yanan", "yanan", "yanan", slug=page.slug)

    response = client.post(edit_url(page), {**data, "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "延安一日游"  # the live title: the edit became a draft
    assert page.has_unpublished_changes

    response = client.post(edit_url(page), {**data, "action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == yanan_editor


def test_editor_cannot_create_in_english(client_for, yanan_editor, route_index):
    english_index = english_of(route_index)
    response = client_for(yanan_editor).get(route_create_url(english_index))
    assert response.status_code == 403


# Translators -----------------------------------------------------------------


def test_translator_edits_english_only(client_for, translator, routes):
    client = client_for(translator)
    response = client.get(edit_url(routes["yanan"]))
    assert response.status_code == 403
    assert "译员只能编辑英文译文" in response.content.decode()
    english = english_of(routes["yanan"])
    response = client.get(edit_url(english))
    assert response.status_code == 200
    # wagtail-localize's translation editor, not the ordinary form.
    assert b"wagtail_localize" in response.content or b"translation" in response.content


def test_translator_cannot_publish_the_chinese_page(client_for, translator, routes):
    page = routes["wuxi"]
    data = route_form_data("改过的标题", "wuxi", "wuxi", "wuxi", slug=page.slug)
    response = client_for(translator).post(edit_url(page), {**data, "action-publish": "1"})
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title == "无锡一日游"
    assert not page.has_unpublished_changes


def test_translator_cannot_publish_an_english_translation(client_for, translator, routes):
    english = english_of(routes["wuxi"])
    revisions = english.revisions.count()
    assert_refused(client_for(translator).post(edit_url(english), {"action": "publish"}))
    assert english.revisions.count() == revisions


def test_translator_cannot_change_chinese_snippets(client_for, translator, demo):
    spirit = demo.snippet(
        Spirit,
        {"slug": "yanan"},
        {"延安精神": "The Yan'an Spirit", "自力更生": "Self-reliance"},
        name="延安精神",
        short_description="自力更生",
    )
    client = client_for(translator)
    url = f"/admin/snippets/tourism/spirit/edit/{spirit.pk}/"
    assert client.get(url).status_code == 403
    english = english_of(spirit)
    assert client.get(f"/admin/snippets/tourism/spirit/edit/{english.pk}/").status_code == 200


# Moderators and booking managers --------------------------------------------


def test_moderator_edits_and_publishes_every_page(client_for, moderator, routes, home_page):
    client = client_for(moderator)
    for page in [*routes.values(), home_page, english_of(routes["wuxi"])]:
        assert client.get(edit_url(page)).status_code == 200
    page = routes["wuxi"]
    data = route_form_data("无锡一日游（修订）", "wuxi", "wuxi", "wuxi", slug=page.slug)
    assert client.post(edit_url(page), {**data, "action-publish": "1"}).status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == "无锡一日游（修订）"


def test_booking_manager_cannot_edit_pages(client_for, booking_manager, routes):
    client = client_for(booking_manager)
    assert client.get("/admin/").status_code == 200
    assert_refused(client.get(edit_url(routes["yanan"])))
    assert_refused(client.get(route_create_url(routes["yanan"].get_parent())))
    assert "待确认的研学预约" in client.get("/admin/").content.decode()
    assert client.get("/admin/education/bookings/").status_code == 200


def test_joint_offering_belongs_to_its_partners_cities(
    client_for, yanan_editor, wuxi_editor, offering_index, partner
):
    make_offerings(offering_index, partner, 1, days=20)  # a Yan'an partner only
    offering = offering_index.get_children().get().specific
    assert page_cities(offering) == {"yanan"}
    assert client_for(yanan_editor).get(edit_url(offering)).status_code == 200
    assert client_for(wuxi_editor).get(edit_url(offering)).status_code == 403


def test_training_programme_belongs_to_both_cities(client_for, wuxi_editor, programme):
    assert page_cities(programme) == {"yanan", "wuxi"}
    assert client_for(wuxi_editor).get(edit_url(programme)).status_code == 200


def test_submitted_forms_name_their_cities(partner):
    """What a city editor chooses in the form decides whether they may save it."""
    offering = QueryDict(mutable=True)
    offering.setlist("partners", [str(partner.pk), "not-a-pk"])
    assert JointOfferingPage.cities_from_form_data(offering) == {"yanan"}
    # A stage the editor deleted in the form no longer counts.
    programme = QueryDict("stages-0-value-city=yanan&stages-1-value-city=wuxi&stages-1-deleted=1")
    assert TrainingProgrammePage.cities_from_form_data(programme) == {"yanan"}
