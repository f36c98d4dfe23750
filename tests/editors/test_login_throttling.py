"""Admin login throttling (django-axes): repeated wrong passwords lock a username out from one address."""

import io

import pytest
from django.core.management import call_command

from core.editorial import roles

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def throttled(settings):
    # The suite runs with axes off (yanxi_site/settings/test.py); the limit is a setting.
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def log_in(client, password, address="203.0.113.7", language="zh-hans"):
    return client.post(
        LOGIN,
        {"username": "yanan", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_wrong_passwords_lock_the_user_out_from_that_address(throttled, client, make_user):
    make_user(roles.YANAN_EDITORS, "yanan")
    for _attempt in range(2):
        response = log_in(client, "wrong")
        assert response.status_code == 200  # the login form again, saying why
    assert log_in(client, "wrong").status_code == 429

    # Now even the right password is refused, with the reason and the wait.
    response = log_in(client, "password")
    assert response.status_code == 429
    assert "密码连续错误 3 次" in response.content.decode()
    assert "15 分钟" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # not logged in

    # The same user from another address is not locked out.
    assert log_in(client, "password", address="198.51.100.2")["Location"] == "/admin/"


def test_lockout_message_in_english(throttled, client, make_user):
    make_user(roles.YANAN_EDITORS, "yanan")
    for _attempt in range(3):
        log_in(client, "wrong", language="en")
    response = log_in(client, "password", language="en")
    assert response.status_code == 429
    assert "3 wrong passwords in a row" in response.content.decode()


def test_axes_reset_unlocks(throttled, client, make_user):
    make_user(roles.YANAN_EDITORS, "yanan")
    for _attempt in range(3):
        log_in(client, "wrong")
    call_command("axes_reset_username", "yanan", stdout=io.StringIO())
    assert log_in(client, "password")["Location"] == "/admin/"


def test_a_success_forgets_earlier_failures(throttled, client, make_user):
    make_user(roles.YANAN_EDITORS, "yanan")
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, "password")["Location"] == "/admin/"
    client.logout()
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, "password")["Location"] == "/admin/"
