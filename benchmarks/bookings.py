"""Load test of the booking form against a running server (not a test).

Creates a fresh session with CAPACITY seats on a demo base, fires REQUESTS
bookings at it from CONCURRENCY threads through HTTP (GET the form for its
CSRF cookie and idempotency token, then POST), and prints bookings per second
and the oversell count, read back from the database: it must be 0.

The server must use the same database and allow many bookings from one IP:

    createdb -h 127.0.0.1 -U postgres education_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/education_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py ensure_admin \\
        && .venv/bin/python manage.py load_demo
    DJANGO_SETTINGS_MODULE=benchmarks.settings .venv/bin/gunicorn \\
        yanxi_site.wsgi -w 4 --threads 4 -b 127.0.0.1:8050 &
    DJANGO_SETTINGS_MODULE=benchmarks.settings .venv/bin/python \\
        -m benchmarks.bookings --url http://127.0.0.1:8050
"""

import argparse
import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8050", help="the running server")
    parser.add_argument("--requests", type=int, default=400, help="bookings to send")
    parser.add_argument("--concurrency", type=int, default=40, help="threads sending them")
    parser.add_argument("--capacity", type=int, default=300, help="seats of the test session")
    parser.add_argument("--pupils", type=int, default=2, help="pupils per booking")
    return parser.parse_args()


def make_session(capacity):
    import datetime

    from django.utils import timezone

    from education.models import StudyBasePage, StudySession

    base = StudyBasePage.objects.filter(locale__language_code="zh-hans").first()
    if base is None:
        raise SystemExit("No study base: run load_demo on this database first.")
    date = timezone.localdate() + datetime.timedelta(days=60)
    session = StudySession.objects.create(
        base=base,
        date=date,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(15, 0),
        capacity=capacity,
        booking_deadline=date,
    )
    return base, session


def book_once(form_url, index, pupils):
    """One teacher: load the form, send it. Returns the outcome."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        NoRedirect(),
    )
    html = opener.open(form_url, timeout=60).read().decode()
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|idempotency_key)" value="([^"]+)"', html))
    data = {
        **fields,
        "school_name": f"压测学校{index}",
        "contact_name": "王老师",
        "phone": "13912345678",
        "email": f"bench{index}@example.cn",
        "age_band": "junior_middle",
        "pupils": str(pupils),
        "adults": "1",
        "meals": "none",
        "arrival_mode": "coach",
        "consent": "on",
    }
    request = urllib.request.Request(
        form_url, data=urllib.parse.urlencode(data).encode(), headers={"Referer": form_url}
    )
    try:
        status = opener.open(request, timeout=60).status
    except urllib.error.HTTPError as error:
        status = error.code
    return {302: "booked", 409: "refused"}.get(status, f"HTTP {status}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    import django

    args = parse_args()
    django.setup()
    from education.models import Booking
    from education.study_tours.choices import SEAT_HOLDING_STATUSES

    base, session = make_session(args.capacity)
    form_url = args.url.rstrip("/") + base.url + base.reverse_subpage("book", args=[session.pk])
    outcomes = Counter()
    lock = threading.Lock()
    next_index = iter(range(args.requests))

    def worker():
        while True:
            with lock:
                index = next(next_index, None)
            if index is None:
                return
            try:
                outcome = book_once(form_url, index, args.pupils)
            except OSError as error:
                outcome = f"error {type(error).__name__}"
            with lock:
                outcomes[outcome] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _i in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    held = Booking.objects.filter(session=session, status__in=SEAT_HOLDING_STATUSES)
    taken = sum(held.values_list("pupils", flat=True))
    print(f"server:            {args.url}  session #{session.pk}, capacity {args.capacity}")
    print(
        f"requests:          {args.requests} ({args.concurrency} concurrent, {args.pupils} pupils each)"
    )
    print(f"outcomes:          {dict(outcomes)}")
    print(f"elapsed:           {elapsed:.2f} s")
    print(f"requests/second:   {args.requests / elapsed:.1f} (each: GET form + POST)")
    print(f"bookings/second:   {outcomes['booked'] / elapsed:.1f}")
    print(f"seats taken:       {taken} of {args.capacity}")
    print(f"oversell:          {max(taken - args.capacity, 0)}")


if __name__ == "__main__":
    main()
