"""The headers a Mozilla Observatory A+ asks for, on the public site and in the admin."""

import json

import pytest

from tests.foundation.test_settings import run_manage

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def test_public_page_has_a_strict_policy_and_every_security_header(client, home_page):
    response = client.get("/zh-hans/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    # Only the site's own script and style files: no inline code, no eval, no CDN.
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    # No nonce: every visitor gets the same bytes, which a page cache can keep.
    assert "nonce-" not in response["Content-Security-Policy"]
    permissions = dict(
        feature.strip().split("=") for feature in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert permissions[feature] == "()", feature
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    # Structured data stays: a data block, which script-src does not govern.
    assert '<script type="application/ld+json">' in response.content.decode()


def test_admin_alone_may_run_inline_scripts(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = policy(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert "Permissions-Policy" in response
    # The relaxation stops at /admin/: a page whose slug merely contains "admin" is strict.
    assert "'unsafe-inline'" not in policy(client.get("/zh-hans/admin/"))["script-src"]


def test_production_sends_hsts_for_a_year_with_preload():
    code = (
        "import json; from django.test import RequestFactory; from django.http import HttpResponse;"
        "from django.middleware.security import SecurityMiddleware;"
        "request = RequestFactory().get('/', secure=True);"
        "print(json.dumps(dict(SecurityMiddleware(lambda r: HttpResponse())(request).headers)))"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        SECRET_KEY="k3y-" + "x" * 60,
        ALLOWED_HOSTS="testserver",
        PUBLIC_ORIGIN="https://redtrails.example.cn",
    )
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.strip().splitlines()[-1])
    assert headers["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
