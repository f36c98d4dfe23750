"""Settings for the server that benchmarks/bookings.py loads: the
development settings, minus the limits per address and per contact (every
benchmark request comes from one address, with one school's contact)."""

from yanxi_site.settings.dev import *  # noqa: F403

EDUCATION_REQUEST_RATE = EDUCATION_CONTACT_RATE = "1000000/h"
# Measure the site as it runs in production, without debug bookkeeping.
DEBUG = False
