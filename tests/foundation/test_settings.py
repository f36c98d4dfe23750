"""Production settings refuse to start half-configured, and pass Django's deploy checks."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

BASE_DIR = settings.BASE_DIR


def run_manage(*args, **env):
    # The test settings allow async-unsafe ORM calls for Playwright; a
    # production process must not inherit that.
    unset = ("SECRET_KEY", "ALLOWED_HOSTS", "PUBLIC_ORIGIN", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    clean.update(DJANGO_SETTINGS_MODULE="yanxi_site.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="example.cn")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_passes_the_deploy_check_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "x" * 60,
        ALLOWED_HOSTS="redtrails.example.cn",
        PUBLIC_ORIGIN="https://redtrails.example.cn",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


CONFIGURED = {"SECRET_KEY": "k3y-" + "x" * 60, "ALLOWED_HOSTS": "redtrails.example.cn"}


def test_production_refuses_to_start_without_the_public_origin():
    result = run_manage("check", **CONFIGURED)
    assert result.returncode != 0
    assert "PUBLIC_ORIGIN (e.g. https://redtrails.example.cn) must be set" in result.stderr


@pytest.mark.parametrize(
    "origin", ["redtrails.example.cn", "https://redtrails.example.cn/zh-hans/"]
)
def test_production_refuses_a_public_origin_that_is_not_one(origin):
    result = run_manage("check", PUBLIC_ORIGIN=origin, **CONFIGURED)
    assert result.returncode != 0
    assert "PUBLIC_ORIGIN must look like https://example.cn" in result.stderr


def test_the_public_origin_gives_the_admins_links_their_base():
    """Password-reset and moderation e-mails link with WAGTAILADMIN_BASE_URL."""
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        PUBLIC_ORIGIN="https://redtrails.example.cn/",
        **CONFIGURED,
    )
    assert result.stdout.strip() == "https://redtrails.example.cn", result.stderr


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis server: set REDIS_URL")
def test_redis_url_gives_every_worker_one_shared_cache():
    """With REDIS_URL set, a value cached by one process is read by another."""
    code = "from django.core.cache import cache; {}"
    env = {
        "DJANGO_SETTINGS_MODULE": "yanxi_site.settings.dev",
        "REDIS_URL": os.environ["REDIS_URL"],
    }
    key = f"ci-{os.getpid()}"
    writer = run_python(
        code.format(
            f"cache.set('{key}', '延安', 30); from django.core.cache import caches; print(type(caches['default']).__name__)"
        ),
        env,
    )
    assert writer.stdout.strip() == "RedisCache", writer.stderr
    reader = run_python(code.format(f"print(cache.get('{key}'))"), env)
    assert reader.stdout.strip() == "延安", reader.stderr


def run_python(code, env):
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
