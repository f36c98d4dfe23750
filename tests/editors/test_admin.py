"""The admin itself: help text everywhere, tabs, previews, required fields, Chinese by default."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from wagtail.admin.panels import TabbedInterface
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

PROJECT_APPS = ("home", "tourism", "education")


def project_models():
    return [model for label in PROJECT_APPS for model in apps.get_app_config(label).get_models()]


def page_models():
    return [model for model in project_models() if issubclass(model, Page)]


def test_every_editable_field_has_help_text():
    """Pages, snippets and every other model of the project apps, own fields only."""
    snippets = [m for m in get_snippet_models() if m._meta.app_label in PROJECT_APPS]
    assert snippets, "the tourism snippets are registered"
    missing = []
    for model in set(project_models()) | set(snippets):
        for field in model._meta.get_fields():
            if not isinstance(field, models.Field) or field.auto_created or not field.editable:
                continue
            if field.model._meta.app_label not in PROJECT_APPS:
                continue  # Wagtail's own Page fields
            if not str(field.help_text).strip():
                missing.append(f"{model.__name__}.{field.name}")
    assert missing == []


@pytest.mark.parametrize("model", page_models(), ids=lambda m: m.__name__)
def test_page_editor_is_grouped_in_tabs(model):
    handler = model.get_edit_handler()
    assert isinstance(handler, TabbedInterface)
    headings = [str(tab.heading) for tab in handler.children]
    assert headings[0] == "内容"
    assert "推广与SEO" in headings and headings[-1] == "设置"


# A page makes no sense without these: the form must insist on them.
REQUIRED = {
    "tourism.RoutePage": ["summary", "days", "start_city", "end_city", "region"],
    "tourism.RedSitePage": ["summary", "city", "latitude", "longitude"],
    "tourism.JointOfferingPage": ["summary", "kind", "partners"],
    "education.StudyBasePage": ["kind", "city"],
    "home.HomePage": ["hero_heading"],
}


@pytest.mark.parametrize("label", REQUIRED)
def test_essential_fields_are_required(label):
    model = apps.get_model(label)
    form_class = model.get_edit_handler().get_form_class()
    optional = [name for name in REQUIRED[label] if not form_class.base_fields[name].required]
    assert optional == []


@pytest.mark.django_db
def test_every_page_type_has_a_working_preview(demo_site, rf):
    """One page of each type from the demo, in every preview mode it offers."""
    admin = get_user_model().objects.filter(is_superuser=True).first()
    for model in page_models():
        page = model.objects.filter(locale=demo_site.locale).live().first()
        assert page is not None, f"the demo has no {model.__name__}"
        assert page.is_previewable()
        for mode, _label in page.preview_modes:
            request = rf.get("/")
            request.user = admin
            response = page.make_preview_request(request, mode)
            assert response.status_code == 200, (page, mode)


@pytest.mark.django_db
def test_new_users_get_the_chinese_admin(client):
    user = get_user_model().objects.create_user("newcomer", password="pw", is_staff=True)
    assert UserProfile.get_for_user(user).preferred_language == "zh-hans"
    user.is_superuser = True
    user.save()
    client.force_login(user)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="zh-hans"' in html and "控制面板" in html


@pytest.mark.django_db
def test_a_chosen_language_is_kept_and_used(client):
    user = get_user_model().objects.create_superuser("visitor", password="pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    user.save()  # a later save leaves the choice alone
    assert UserProfile.get_for_user(user).preferred_language == "en"
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert '<html lang="en"' in html and "Dashboard" in html
