"""One public origin (settings.PUBLIC_ORIGIN) begins every absolute URL the site writes."""

import json
import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from wagtail.models import Site

from core.origin import sync_default_site
from tests.builders import book_url, booking_data, make_study_session

pytestmark = pytest.mark.django_db

ORIGIN = "https://redtrails.example.cn"
#: The site is reached on another host and port than the public one, as
#: gunicorn is behind the proxy: no absolute URL may say where.
INTERNAL = Client(HTTP_HOST="127.0.0.1:8000")


@override_settings(PUBLIC_ORIGIN=ORIGIN)
def test_emails_link_to_the_public_origin(tours):
    session = make_study_session(tours.base)
    response = INTERNAL.post(book_url(tours.base, session), booking_data())
    assert response.status_code == 302
    school, staff = mail.outbox
    link = re.search(r"https?://\S+/booking/\S+/", school.body).group(0)
    assert link.startswith(f"{ORIGIN}/zh-hans/")
    assert f"{ORIGIN}/admin/education/bookings/inspect/" in staff.body
    assert "127.0.0.1" not in school.body + staff.body and "localhost" not in school.body


@override_settings(PUBLIC_ORIGIN=ORIGIN)
def test_page_metadata_sitemap_and_robots_use_the_public_origin(tours):
    make_study_session(tours.base)
    html = INTERNAL.get(tours.base.url).content.decode()
    path = tours.base.url
    assert f'<link rel="canonical" href="{ORIGIN}{path}">' in html
    assert f'<meta property="og:url" content="{ORIGIN}{path}">' in html
    hreflangs = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)">', html)
    assert hreflangs and all(url.startswith(f"{ORIGIN}/") for url in hreflangs)
    assert f"{ORIGIN}{tours.english_base.url}" in hreflangs
    for image in re.findall(r'<meta property="og:image" content="([^"]+)">', html):
        assert image.startswith(f"{ORIGIN}/")
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    urls = re.findall(r'"url": "([^"]+)"', json.dumps(data))
    assert data["url"] == f"{ORIGIN}{path}"
    assert all(url.startswith(ORIGIN) or url.startswith("https://schema.org") for url in urls)

    sitemap = INTERNAL.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{ORIGIN}{path}" in locations
    assert all(location.startswith(f"{ORIGIN}/") for location in locations)
    robots = INTERNAL.get("/robots.txt").content.decode()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in robots


@pytest.mark.parametrize(
    ("origin", "hostname", "port"),
    [("http://127.0.0.1:8123", "127.0.0.1", 8123), (ORIGIN, "redtrails.example.cn", 443)],
)
def test_migrate_gives_the_default_site_the_public_origin(tours, origin, hostname, port):
    with override_settings(PUBLIC_ORIGIN=origin):
        sync_default_site()
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port) == (hostname, port)
        # What Wagtail builds from the Site agrees.
        assert tours.base.get_full_url() == f"{origin}{tours.base.url}"
