"""The partner API: one django-ninja instance with Wagtail API v3's error format.

Wagtail 8's `wagtail.api.v3` is a generic, token-authenticated page API
(raw page fields, create and edit). Partners need something else: a stable,
public contract of what the listing pages show (their filters, renditions,
seats left) and the two public requests, so this API is its own NinjaAPI
with its own routers, and takes from v3 what fits: its RFC 7807 problem
details (`register_exception_handlers`, `ProblemDetail`). v3's paginator
does not: a page of results is prepared in bulk (cards, localised
snippets) by the listing page before it is serialised.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.v3.errors import PROBLEM_JSON, register_exception_handlers

from core.cache import cache_public

from . import education, home, snippets, tourism
from .common import FilterRefused, problem, use_language
from .partners import KeyRefused

#: What a missing or mistyped JSON value is called in Django's own (translated) words.
VALIDATION_MESSAGES = {
    "missing": "This field is required.",
    "int_parsing": "Enter a whole number.",
    "int_type": "Enter a whole number.",
    "bool_parsing": "Enter a valid value.",
    "bool_type": "Enter a valid value.",
    "literal_error": "Select a valid choice. That choice is not one of the available choices.",
    "date_from_datetime_parsing": "Enter a valid date.",
    "date_parsing": "Enter a valid date.",
    "string_type": "Enter a valid value.",
}


def docs_enabled(view):
    """The interactive docs only where API_DOCS_ENABLED (production may turn them off);
    the OpenAPI document itself is the contract and always served."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.API_DOCS_ENABLED and request.resolver_match.url_name == "openapi-view":
            return problem(404, gettext("没有这个页面。"))
        return view(request, *args, **kwargs)

    return wrapper


class PartnerAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """The contract, saying that errors come as `application/problem+json` (RFC 7807)."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if "security" in operation:
                    # A partner's key is optional: without one, the request is anonymous.
                    operation["security"].append({})
                for answer in operation.get("responses", {}).values():
                    content = answer.get("content", {})
                    body = content.get("application/json", {})
                    if body.get("schema", {}).get("$ref", "").endswith("/ProblemDetail"):
                        content[PROBLEM_JSON] = content.pop("application/json")
        return schema

    def create_response(self, request, data, *args, **kwargs):
        """The language comes from `?locale=` or Accept-Language: a cache must tell them apart."""
        response = super().create_response(request, data, *args, **kwargs)
        patch_vary_headers(response, ["Accept-Language"])
        return response


api = PartnerAPI(
    title="Yan'an–Wuxi Red Trails partner API",
    version="1.0.0",
    description=(
        "Routes, red sites, joint offerings, study bases with sessions and seats left, "
        "training programmes with cohorts, in Chinese (`zh-hans`) and English (`en`); "
        "and a school's booking and an organisation's training enquiry. "
        "No login. Errors are RFC 7807 problem details in the request's language."
    ),
    urls_namespace="partner_api",
    docs=Swagger(settings={"validatorUrl": None}),
    docs_url="/docs/",
    docs_decorator=docs_enabled,
)
register_exception_handlers(api)
# Reads are cached, tagged and invalidated as pages are; requests are never stored.
api.add_decorator(cache_public, mode="view")


@api.exception_handler(FilterRefused)
def filter_refused(request, exc):
    return problem(422, str(exc), exc.errors)


@api.exception_handler(KeyRefused)
def key_refused(request, exc):
    response = problem(401, str(exc))
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(NinjaValidationError)
def invalid_request(request, exc):
    """Malformed parameters or JSON, said in the request's language where Django has the words."""
    use_language(request)
    errors = [
        {
            "loc": list(error.get("loc", ())),
            "msg": gettext(VALIDATION_MESSAGES[error["type"]])
            if error.get("type") in VALIDATION_MESSAGES
            else error.get("msg", ""),
            "type": error.get("type", ""),
        }
        for error in exc.errors
    ]
    return problem(422, gettext("请检查以下内容"), errors)


api.add_router("/", home.router)
api.add_router("/", tourism.router)
api.add_router("/", education.router)
api.add_router("/", snippets.router)
