"""The production settings under gunicorn, reached as an attacker would reach them.

The other tests run the test settings in-process; here a real gunicorn
serves `yanxi_site.settings.production` from the test database, and requests
come over a socket: with no proxy header, with garbage in it, and with
spoofed addresses, first from an address that is not the trusted proxy and
then from the proxy itself. Nothing may answer 500, and a header is believed
only when the proxy sent it.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import pytest
from django.conf import settings
from django.db import connection

from education.models import Booking
from tests.builders import make_study_base, make_study_base_index, make_study_session

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "redtrails.example.cn"
#: Headers a client may send instead of the proxy's X-Real-IP: none, garbage, lists, addresses.
SPOOFED = [None, "garbage", "1.2.3.4, 5.6.7.8", "", "999.1.1.1", "198.51.100.7", "2001:db8::9"]


def database_url():
    """The test database, as DATABASE_URL names it, so that gunicorn serves what the test built."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def production_server():
    """Start gunicorn with production settings; `trusted` says whether the test's own
    address (the loopback) is the trusted proxy. Returns a function that sends a request."""
    processes = []

    def start(trusted):
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        # One worker and its own memory cache (no REDIS_URL): the counters
        # this test reads are that worker's.
        env.pop("REDIS_URL", None)
        env.update(
            DJANGO_SETTINGS_MODULE="yanxi_site.settings.production",
            SECRET_KEY="k3y-" + "x" * 60,
            ALLOWED_HOSTS=HOST,
            PUBLIC_ORIGIN=f"https://{HOST}",
            DATABASE_URL=database_url(),
            TRUSTED_PROXIES="127.0.0.1" if trusted else "10.255.255.1",
            SUGGEST_RATE="3/h",
            EDUCATION_REQUEST_RATE="2/h",
            NOTIFICATION_TASK_BACKEND="django_tasks_db.DatabaseBackend",
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "yanxi_site.wsgi", "--workers", "1"]
            + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=settings.BASE_DIR,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)

        def send(path, real_ip=None, body=None):
            headers = {"Host": HOST, "X-Forwarded-Proto": "https"}
            if real_ip is not None:
                headers["X-Real-IP"] = real_ip
            if body is not None:
                headers.update(
                    {"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())}
                )
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", data=body, headers=headers
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return response.status, response.headers
            except urllib.error.HTTPError as error:
                return error.code, error.headers

        return send

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


def suggest(n):
    """A type-ahead request; each with its own query, since the page cache answers a repeated
    one without counting it (it costs nothing)."""
    return f"/zh-hans/search/suggest/?q=yan{n}"


def test_a_client_that_is_not_the_proxy_is_counted_by_its_own_address(production_server):
    send = production_server(trusted=False)
    statuses = [send(suggest(n), real_ip)[0] for n, real_ip in enumerate(SPOOFED)]
    # Whatever it writes in the header: never a 500, and all of it counts against
    # the one address it really comes from (3 an hour here).
    assert statuses == [200, 200, 200, 429, 429, 429, 429]
    _status, headers = send(suggest(99))
    assert 0 < int(headers["Retry-After"]) <= 3600
    # The security headers come over the wire, on refusals too.
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_behind_the_proxy_each_visitor_has_a_count_of_their_own(production_server):
    send = production_server(trusted=True)
    # The proxy's header names the visitor: seven visitors, seven counts.
    assert [send(suggest(n), f"203.0.113.{n}")[0] for n in range(7)] == [200] * 7
    assert [send(suggest(10 + n), "203.0.113.1")[0] for n in range(3)] == [200, 200, 429]
    # A header the proxy could not have written (it is misconfigured, or the
    # request came around it): still no 500, and those requests share a count.
    assert {send(suggest(20 + n), ip)[0] for n, ip in enumerate(SPOOFED)} <= {200, 429}


def test_a_booking_from_around_the_proxy_cannot_escape_its_limit(
    production_server, live_home_page, demo
):
    base = make_study_base(demo, make_study_base_index(demo, live_home_page))
    session = make_study_session(base, capacity=200)
    send = production_server(trusted=False)
    path = f"/api/v1/study-bases/{base.pk}/sessions/{session.pk}/bookings/"

    def book(real_ip, **changes):
        body = {
            "school_name": "无锡市第一中学", "contact_name": "王芳", "contact_role": "年级组长",
            "phone": f"139{uuid.uuid4().int % 10**8:08d}", "email": f"{uuid.uuid4().hex[:8]}@example.cn",
            "age_band": "junior_middle", "pupils": 16, "adults": 2, "meals": "lunch",
            "arrival_mode": "coach", "consent": True, **changes,
        }  # fmt: skip
        return send(path, real_ip, json.dumps(body).encode())[0]

    # Refused submissions cost nothing; accepted ones count (2 an hour here),
    # whichever address the header claims.
    assert [book(ip, adults=0) for ip in SPOOFED[:3]] == [422, 422, 422]
    assert [book(ip) for ip in SPOOFED[3:6]] == [201, 201, 429]
    assert Booking.objects.count() == 2
