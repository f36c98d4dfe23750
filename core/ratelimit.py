"""Rate limits of public forms and search: who is over, and when they may try again.

Counters live in the default cache (django-ratelimit's fixed windows), shared
by all workers when REDIS_URL is set. The key is the client address
(core.client) unless the caller names another (a phone number, an e-mail).
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.timesince import timeuntil
from django.utils.translation import gettext
from django_ratelimit.core import get_usage


def _usage(request, group, rate, key, count):
    return get_usage(
        request,
        group=group,
        key="ip" if key is None else (lambda _group, _request: key),
        rate=rate,
        increment=count,
    )


def seconds_until_allowed(request, group, rate, key=None, count=True):
    """0 if this request is within `rate`, else the seconds until the window ends.

    With `count` this request is counted first (searches: every request
    costs); without, the counter is only read, and the caller counts what
    it accepted with `count_accepted` (bookings: refusals cost nothing).
    """
    usage = _usage(request, group, rate, key, count)
    if usage is None:  # RATELIMIT_ENABLE = False
        return 0
    over = usage["count"] > usage["limit"] if count else usage["count"] >= usage["limit"]
    # time_left is -1 when the cache could not be read (the limit then fails
    # closed); a retry time in the past would be nonsense.
    return max(usage["time_left"], 1) if over else 0


def count_accepted(request, group, rate, key=None):
    """Count one accepted request against `key` (default: the client address)."""
    _usage(request, group, rate, key, count=True)


def retry_after(response, seconds):
    """`response` with the Retry-After header of a 429."""
    response["Retry-After"] = str(seconds)
    return response


def when_to_retry(seconds):
    """'Please try again after 15:40 Beijing time (in about 20 minutes).', in the active language.

    The time is the site's (settings.TIME_ZONE, Asia/Shanghai), which every
    visitor in mainland China reads as is.
    """
    now = timezone.now()
    at = timezone.localtime(now + datetime.timedelta(seconds=seconds))
    days = (at.date() - timezone.localtime(now).date()).days
    # Always a 24-hour clock: "12:30 a.m." after midnight reads as noon to many.
    moment = time_format(at, "H:i")
    if days == 1:
        moment = gettext("明天 %(time)s") % {"time": moment}
    elif days > 1:
        moment = f"{date_format(at, 'MONTH_DAY_FORMAT')} {moment}"
    return gettext("请在北京时间 %(time)s 之后再试（约 %(wait)s后）。") % {
        "time": moment,
        "wait": timeuntil(at, now),
    }
