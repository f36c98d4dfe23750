"""The admin speaks Chinese to this site's editors, including where Wagtail's own
zh_Hans catalogues have gaps (filled by yanxi_site/locale/zh_Hans)."""

import json
import re

import pytest

from tests.builders import make_study_session, post_booking

pytestmark = pytest.mark.django_db

#: English that Wagtail 8's zh_Hans catalogues left on these screens.
UNTRANSLATED = [
    "Exploring",
    "Insert a block",
    "Toggle checks",
    "Layout",
    "Privacy and access",
    "More actions",
    "Content metrics",
    "Save changes",
    "Has child pages",
    "Page type",
    # The dashboard's site summary ("96 Pages", "49 Images", "0 Documents").
    "Pages",
    "Images",
    "Documents",
    # The header's actions and a choice block's empty choice.
    "Actions",
    "Select an option",
    # The admin's page search ("There are 10 matching pages") and the workflow report's switch.
    "matching page",
    "By task",
]


def visible_text(html):
    """What an editor reads or hears: text and labelling attributes, no scripts."""
    html = re.sub(r"(?s)<(script|style|svg|template)\b.*?</\1>", " ", html)
    labels = re.findall(
        r'(?:aria-label|title|placeholder|data-w-tooltip-content-value)="([^"]*)"', html
    )
    return " ".join([re.sub(r"(?s)<[^>]+>", " ", html), *labels])


def test_key_screens_have_no_english(
    admin_client, home_page, english_home, routes, programme, study_base, subtests
):
    booking = post_booking(study_base, make_study_session(study_base))
    screens = {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{home_page.get_parent().pk}/",
        "explorer of the site": f"/admin/pages/{home_page.pk}/",
        "page editor": f"/admin/pages/{home_page.pk}/edit/",
        "route editor (StreamField)": f"/admin/pages/{routes['yanan'].pk}/edit/",
        "programme editor": f"/admin/pages/{programme.pk}/edit/",
        "translation editor": f"/admin/pages/{english_home.pk}/edit/",
        "page search": f"/admin/pages/search/?q={home_page.title}",
        "workflow report": "/admin/reports/workflow/",
        "a booking": f"/admin/education/bookings/inspect/{booking.pk}/",
    }
    for name, url in screens.items():
        with subtests.test(name):
            response = admin_client.get(url)
            assert response.status_code == 200
            html = response.content.decode()
            assert [word for word in UNTRANSLATED if word in visible_text(html)] == []
            # Wagtail's own zh_Hans word for "Actions" is 动作 (a movement); this site says 操作.
            assert "动作" not in visible_text(html)
            # No avatar from gravatar.com: blocked in China, and it learns editors' e-mail hashes.
            assert "gravatar.com" not in html


def test_page_search_counts_pages(admin_client, home_page):
    # Wagtail names no model there: its count read "第 1–1 项，共 1 项None".
    html = admin_client.get(f"/admin/pages/search/?q={home_page.title}").content.decode()
    assert re.search(r"共 \d+ 项页面", visible_text(html))


def test_script_strings_are_chinese(admin_client):
    """Labels drawn by Wagtail's JavaScript (the block inserter) come from its djangojs catalogue."""
    script = admin_client.get("/admin/jsi18n/").content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalogue["Insert a block"] == "插入块"
    assert (
        catalogue["Write something or type \u2018/\u2019 to insert a block"]
        == "输入内容，或输入“/”插入块"
    )
    # Wagtail's own word for "actions" is 动作 (a movement); its scripts say 操作, as its pages do.
    assert not [word for word in catalogue.values() if "动作" in str(word)]
