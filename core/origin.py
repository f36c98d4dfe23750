"""Absolute URLs: every one the site writes starts with settings.PUBLIC_ORIGIN.

Not with the request's host (an e-mail sent from the admin has no visitor's
request, a page behind the proxy may be reached as 127.0.0.1:8000) nor with the
Site record (Wagtail's initial one says localhost:80). The default Site is
kept equal to the origin after each `migrate` (`sync_default_site`), so what
Wagtail builds on its own (page.full_url, "view live" links) agrees.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def public_origin():
    """scheme://host[:port] of the public site, without a trailing slash."""
    return settings.PUBLIC_ORIGIN


def absolute_url(url):
    """`url` (a path, or a URL with its own host) as an absolute URL.

    A URL that already names a host is left as it is: media on a storage
    domain (AWS_S3_CUSTOM_DOMAIN), or a page of another Wagtail Site.
    """
    if urlsplit(url).netloc:
        return url
    return public_origin() + "/" + url.lstrip("/")


def page_url(page, request=None):
    """The absolute URL of a Wagtail page (what page.get_full_url would say)."""
    return absolute_url(page.get_url(request))


def site_address():
    """(hostname, port) of the public origin, as a Wagtail Site stores them."""
    parts = urlsplit(public_origin())
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(**_kwargs):
    """Give the default Site the public origin's host and port (a post_migrate receiver).

    Wagtail's Site says https only for port 443, so an https origin on
    another port gives Wagtail's own links an http scheme; this site's links
    all come from `absolute_url` and are right whatever the Site says.
    """
    hostname, port = site_address()
    for site in Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port):
        site.hostname, site.port = hostname, port
        # save() clears Wagtail's cache of the site root paths.
        site.save(update_fields=["hostname", "port"])
