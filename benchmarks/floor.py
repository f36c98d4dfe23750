"""URLs of the page benchmark: the site's own, plus `/floor/`, the floor it is measured against.

The floor is the cheapest page Django can serve through the site's middleware:
a fixed 30 KB page, no template, no query. Mounted only by
benchmarks.settings_pages, never by the site.
"""

from django.http import HttpResponse
from django.urls import path

from yanxi_site.urls import urlpatterns as site_urlpatterns

FLOOR_PAGE = ("<!DOCTYPE html><title>floor</title>" + "<p>红色足迹 Red Trails</p>" * 1200)[
    : 30 * 1024
]


def floor(request):
    return HttpResponse(FLOOR_PAGE)


urlpatterns = [path("floor/", floor), *site_urlpatterns]
