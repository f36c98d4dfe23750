import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# A first path segment shaped like a language tag: "fr", "en-gb", "zh_tw",
# "zh-hant", "es-419" (a language, then a region, script or area code).
LANGUAGE_TAG_SEGMENT = re.compile(r"^/([a-z]{2}(?:[-_](?:[a-z]{2}|[a-z]{4}|\d{3}))?)(?:/|$)", re.I)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus one redirect.

    Django answers a 404 on an unprefixed path by redirecting to the same path
    under the visitor's language, which is what sends "/" to "/zh-hans/".
    But Wagtail's catch-all URL makes every prefixed path look valid, so
    "/fr/anything/" would bounce to "/zh-hans/fr/anything/" before failing.
    A path that starts with a language we do not serve is simply not found,
    and so is anything a 404 answers with other than a page (the partner
    API's JSON): that answer is final, there is no page to look for elsewhere.
    """

    def process_response(self, request, response):
        if response.status_code == 404:
            if not response.get("Content-Type", "").startswith("text/html"):
                return response
            match = LANGUAGE_TAG_SEGMENT.match(request.path_info)
            supported = {code for code, _name in settings.LANGUAGES}
            if match and match.group(1).lower() not in supported:
                return response
        return super().process_response(request, response)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's relaxations, and a resource policy.

    The site's policy (CONTENT_SECURITY_POLICY) allows no inline script; Wagtail's
    admin still has some, so pages under /admin/ (the page preview included)
    get ADMIN_CONTENT_SECURITY_POLICY's directives instead.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith("/admin/"):
            parts.replace = {**settings.ADMIN_CONTENT_SECURITY_POLICY, **(parts.replace or {})}
        return parts

    def process_response(self, request, response):
        # Other sites may link to our pages, not embed their responses in theirs.
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return super().process_response(request, response)
