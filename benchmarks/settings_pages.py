"""Production settings, with the benchmark's floor view mounted (benchmarks/floor.py)."""

from yanxi_site.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.floor"
