"""Site settings, demo content, translations catalogues and the admin."""

import io
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from core.management.commands.compile_translations import catalogue_dirs
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_footer_shows_filing_numbers_and_contacts_from_settings(client, home_page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.icp_number = "陕ICP备20260001号-1"
    site_settings.public_security_number = "陕公网安备 61060202000123号"
    site_settings.hotline = "0911-8888888"
    site_settings.save()

    footer = BeautifulSoup(client.get("/zh-hans/").content, "html.parser").footer
    icp = footer.find("a", string="陕ICP备20260001号-1")
    assert icp["href"] == "https://beian.miit.gov.cn/"
    police = footer.find("a", string="陕公网安备 61060202000123号")
    assert police["href"].endswith("code=61060202000123")
    assert footer.find("a", href="tel:0911-8888888")


def test_footer_text_follows_the_language(client, home_page):
    zh = BeautifulSoup(client.get("/zh-hans/").content, "html.parser").footer
    en = BeautifulSoup(client.get("/en/").content, "html.parser").footer
    assert "延安—无锡对口合作红色文旅平台" in zh.text
    assert "Yan'an–Wuxi Paired Cooperation Red Tourism Platform" in en.text
    assert "Baota District" in en.text


def test_demo_content_command_is_idempotent(demo_site):
    """The session's demo was loaded by the same command: a second run creates nothing."""

    def counts():
        return (
            Page.objects.count(),
            get_image_model().objects.count(),
            Translation.objects.count(),
            SiteSettings.objects.count(),
        )

    first = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first
    assert Page.objects.filter(locale__language_code="en").count() >= 1


def test_admin_user_command_prints_working_credentials(client, capsys, monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "yanan")
    monkeypatch.setenv("ADMIN_PASSWORD", "s3cret-pass")
    call_command("ensure_admin")
    assert "yanan" in capsys.readouterr().out
    assert client.login(username="yanan", password="s3cret-pass")
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(("language", "text"), [("zh-hans", "控制面板"), ("en", "Dashboard")])
def test_admin_follows_the_users_preferred_language(client, admin_user, language, text):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin_user)
    body = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert f'<html lang="{language}"' in body
    assert text in body


def _catalogues():
    return sorted(p for d in catalogue_dirs() for p in d.glob("en/LC_MESSAGES/django.po"))


def test_every_string_has_an_english_translation():
    catalogues = _catalogues()
    assert catalogues, "no English catalogue found"
    for po_path in catalogues:
        po = polib.pofile(str(po_path))
        missing = [e.msgid for e in po if not e.obsolete and not e.translated()]
        assert not missing, f"{po_path}: untranslated {missing[:10]}"


def test_compiled_catalogues_match_their_sources(tmp_path):
    """The committed .mo files are what the .po files compile to."""
    for po_path in _catalogues():
        mo_path = po_path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path} missing: run `make messages`"
        compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path)) if e.msgstr}
        source = {
            (e.msgctxt, e.msgid): e.msgstr
            for e in polib.pofile(str(po_path))
            if e.translated() and not e.fuzzy
        }
        plural_free = {k: v for k, v in source.items() if v}
        assert plural_free.items() <= compiled.items() or not plural_free, po_path


def test_locale_paths_exist():
    assert all(Path(p).is_dir() for p in settings.LOCALE_PATHS)


def test_a_chinese_string_has_one_english_translation_across_apps():
    """Django merges the apps' catalogues and the first app wins, so two apps
    translating the same Chinese differently would show the wrong one (a
    context, such as "plural" for model names, makes it another string)."""
    seen = {}
    conflicts = []
    for po_path in _catalogues():
        for entry in polib.pofile(str(po_path)):
            key = (entry.msgctxt, entry.msgid)
            if entry.msgstr and seen.setdefault(key, entry.msgstr) != entry.msgstr:
                conflicts.append((key, seen[key], entry.msgstr, po_path))
    assert not conflicts, conflicts
