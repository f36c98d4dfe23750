from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api import urls as api_urls
from core.sitemaps import BilingualSitemap
from core.views import robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", include(api_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}),
    path("robots.txt", robots_txt),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # WhiteNoise serves static files; media comes from the local folder in
    # development and from S3-compatible storage in production.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language (/zh-hans/..., /en/...); "/" redirects
# by Accept-Language (yanxi_site.middleware.LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
