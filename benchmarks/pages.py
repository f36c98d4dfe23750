"""Requests per second of public pages, cached and uncached, against a floor (not a test).

    .venv/bin/python -m benchmarks.pages

Builds the demo once in its own SQLite database (var/bench-pages.sqlite3; kept
for later runs, `--rebuild` makes it anew; DATABASE_URL picks another
database), collects static files, then serves the site with gunicorn (2 sync
workers, production settings) twice: with the page cache off, then on. In
each run it warms every URL and measures, with wrk (`apt-get install wrk`;
a small Python load generator where there is none), the floor (a fixed 30 KB
page from a trivial view in the same process, benchmarks/floor.py), the route
page, a study base, the home page and a search, and prints req/s and each
page's share of the floor. REDIS_URL, if set, gives the workers a shared cache.

Targets (issue #13): cached pages ≥ 50% of the floor; the uncached route page ≥ 3%.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
PAGES = ["floor", "route", "study base", "home", "search"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8061)
    parser.add_argument("--duration", type=int, default=8, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="measurements per page (median)")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rebuild", action="store_true", help="build the demo database anew")
    return parser.parse_args()


def environment(port, cache_seconds):
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'bench-pages.sqlite3'}")
    origin = f"http://127.0.0.1:{port}"
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings_pages",
        SECRET_KEY="benchmark-only-secret-key-not-for-production-0123456789",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PUBLIC_ORIGIN=origin,
        CSRF_TRUSTED_ORIGINS=origin,
        WAGTAILADMIN_BASE_URL=origin,
        # Plain HTTP on loopback: no TLS proxy in front.
        SECURE_SSL_REDIRECT="false",
        PAGE_CACHE_SECONDS=str(cache_seconds),
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def build(env, rebuild):
    database = env["DATABASE_URL"]
    sqlite_file = Path(database.removeprefix("sqlite:///")) if "sqlite" in database else None
    if sqlite_file and rebuild and sqlite_file.exists():
        sqlite_file.unlink()
    if sqlite_file is None or not sqlite_file.exists():
        print("building the demo database...", flush=True)
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        manage(env, "load_demo")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


def urls(env):
    """The measured URLs, read from the demo database."""
    code = (
        "from education.models import StudyBasePage;from tourism.models import RoutePage;"
        "zh=dict(locale__language_code='zh-hans');"
        "print(RoutePage.objects.live().filter(**zh).first().url);"
        "print(StudyBasePage.objects.live().filter(**zh).first().url)"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    route, base = out[-2], out[-1]
    return {
        "floor": "/floor/",
        "route": route,
        "study base": base,
        "home": "/zh-hans/",
        "search": "/zh-hans/search/?q=" + quote("延安精神"),
    }


class Server:
    """gunicorn with the site, started and stopped by this script only."""

    def __init__(self, env, port, workers):
        self.port = port
        self.process = subprocess.Popen(
            [GUNICORN, "yanxi_site.wsgi", "--workers", str(workers), "--bind",
             f"127.0.0.1:{port}", "--log-level", "error"],
            cwd=BASE_DIR,
            env=env,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def get(self, path):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30) as reply:
            return reply.status, reply.headers.get("Cache-Control", "")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def measure(port, path, duration, connections):
    """Requests per second on `path`, by wrk where installed."""
    url = f"http://127.0.0.1:{port}{path}"
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", url],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return python_load(port, path, duration, connections)


def python_load(port, path, duration, connections):
    """A small load generator: `connections` threads, each on one keep-alive connection."""
    counts = [0] * connections
    deadline = time.monotonic() + duration

    def worker(n):
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            connection.request("GET", path)
            reply = connection.getresponse()
            reply.read()
            if reply.will_close:
                connection.close()
                connection = HTTPConnection("127.0.0.1", port, timeout=30)
            counts[n] += 1
        connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / duration


def run(args, cache_seconds, targets):
    env = environment(args.port, cache_seconds)
    server = Server(env, args.port, args.workers)
    try:
        results = {}
        for name in PAGES:
            for _warm in range(3):
                status, cache_control = server.get(targets[name])
                assert status == 200, (name, status)
            rates = [
                measure(args.port, targets[name], args.duration, args.connections)
                for _round in range(args.rounds)
            ]
            results[name] = statistics.median(rates)
            print(f"  {name:<11} {results[name]:>8.0f} req/s   {cache_control}", flush=True)
        return results
    finally:
        server.stop()


def main():
    args = parse_args()
    build_env = environment(args.port, 0)
    build(build_env, args.rebuild)
    targets = urls(build_env)
    tool = "wrk" if shutil.which("wrk") else "Python load generator"
    print(f"{tool}, {args.connections} connections, {args.duration}s × {args.rounds} rounds")
    print("page cache off:")
    uncached = run(args, 0, targets)
    print("page cache on:")
    cached = run(args, 600, targets)

    print(f"\n{'page':<11} {'uncached':>9} {'% floor':>8} {'cached':>9} {'% floor':>8}")
    for name in PAGES:
        print(
            f"{name:<11} {uncached[name]:>9.0f} {100 * uncached[name] / uncached['floor']:>7.1f}%"
            f" {cached[name]:>9.0f} {100 * cached[name] / cached['floor']:>7.1f}%"
        )
    route_share = uncached["route"] / uncached["floor"]
    cached_shares = [cached[name] / cached["floor"] for name in PAGES[1:]]
    print(
        f"\ntargets: cached ≥ 50% of floor: {'met' if min(cached_shares) >= 0.5 else 'NOT met'}"
        f" (lowest {100 * min(cached_shares):.1f}%); uncached route ≥ 3%:"
        f" {'met' if route_share >= 0.03 else 'NOT met'} ({100 * route_share:.1f}%)"
    )


if __name__ == "__main__":
    main()
