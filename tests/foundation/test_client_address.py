"""The client address behind the proxy: believed only from a trusted proxy, never a 500."""

import ipaddress

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation
from django_ratelimit.core import _get_ip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.client import client_ip

#: As production runs: gunicorn on the loopback behind nginx, which sets X-Real-IP.
BEHIND_PROXY = override_settings(
    TRUSTED_PROXIES=["127.0.0.1", "::1"],
    PROXY_COUNT=1,
    CLIENT_IP_HEADER="HTTP_X_REAL_IP",
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)

#: What a client may write in a proxy header: addresses, lists, ports, IPv6,
#: RFC 7239 elements, garbage and anything else.
HEADER_VALUES = st.one_of(
    st.text(),
    st.ip_addresses().map(str),
    st.lists(st.one_of(st.ip_addresses().map(str), st.text(max_size=12)), max_size=5).map(
        ", ".join
    ),
    st.sampled_from(
        [
            "",
            " ",
            "garbage",
            "1.2.3.4, 5.6.7.8",
            "1.2.3.4,,",
            "[2001:db8::1]:443",
            "fe80::1%eth0",
            "::ffff:1.2.3.4",
            'for="[2001:db8::7]";proto=https',
            "unknown",
            "999.1.1.1",
            "1.2.3.4:80",
            "\x00",
        ]
    ),
)
PEERS = st.sampled_from(["127.0.0.1", "::1", "203.0.113.7", "2001:db8::5", "", "not-an-ip"])


def request_from(rf, peer, **headers):
    request = rf.get("/")
    request.META["REMOTE_ADDR"] = peer
    request.META.update(headers)
    return request


def test_a_header_from_anyone_but_the_proxy_is_ignored(rf):
    request = request_from(rf, "203.0.113.7", HTTP_X_REAL_IP="198.51.100.1")
    assert client_ip(request) == "203.0.113.7"
    with BEHIND_PROXY:
        assert client_ip(request) == "203.0.113.7"


@BEHIND_PROXY
@pytest.mark.parametrize(
    ("peer", "header", "client"),
    [
        ("127.0.0.1", "198.51.100.1", "198.51.100.1"),
        ("::1", "2001:db8::7", "2001:db8::7"),
        ("127.0.0.1", "::ffff:198.51.100.1", "198.51.100.1"),
        # What the proxy wrote last is what it saw; earlier entries are the client's own.
        ("127.0.0.1", "1.2.3.4, 5.6.7.8", "5.6.7.8"),
        ("127.0.0.1", "garbage, 5.6.7.8", "5.6.7.8"),
        # Nothing usable: the request is counted against the proxy, not refused.
        ("127.0.0.1", "garbage", "127.0.0.1"),
        ("127.0.0.1", None, "127.0.0.1"),
        ("", "198.51.100.1", "0.0.0.0"),
    ],
)
def test_behind_the_proxy_its_header_names_the_client(rf, peer, header, client):
    headers = {} if header is None else {"HTTP_X_REAL_IP": header}
    assert client_ip(request_from(rf, peer, **headers)) == client


@override_settings(
    TRUSTED_PROXIES=["10.0.0.0/8"], PROXY_COUNT=2, CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR"
)
def test_with_two_proxies_the_client_is_second_from_the_right(rf):
    request = request_from(rf, "10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1, 10.0.0.1")
    assert client_ip(request) == "198.51.100.1"


@BEHIND_PROXY
@settings(max_examples=300, deadline=None)
@given(peer=PEERS, real_ip=HEADER_VALUES, forwarded=HEADER_VALUES)
def test_any_header_gives_an_address_the_rate_limiter_accepts(peer, real_ip, forwarded):
    request = request_from(
        RequestFactory(), peer, HTTP_X_REAL_IP=real_ip, HTTP_X_FORWARDED_FOR=forwarded
    )
    address = ipaddress.ip_address(client_ip(request))
    # django-ratelimit's key="ip" asks core.client and masks the address.
    assert ipaddress.ip_address(_get_ip(request)).version == address.version


@pytest.mark.django_db
@BEHIND_PROXY
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(peer=PEERS, real_ip=st.none() | HEADER_VALUES)
def test_search_and_suggest_never_answer_500_whatever_the_headers(peer, real_ip):
    headers = {"REMOTE_ADDR": peer, "HTTP_X_FORWARDED_PROTO": "https"}
    if real_ip is not None:
        headers["HTTP_X_REAL_IP"] = real_ip
    client = Client(**headers)
    with translation.override("zh-hans"):
        suggest, search = reverse("search_suggest"), reverse("search")
    assert client.get(suggest, {"q": "yan"}, secure=True).status_code in {200, 429}
    assert client.get(search, {"q": "yan"}, secure=True).status_code in {200, 429}
