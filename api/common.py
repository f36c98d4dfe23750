"""What every endpoint shares: language, pages in a locale, images, listings, errors."""

from typing import Literal

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import gettext
from ninja import Query, Schema
from ninja.errors import HttpError
from pydantic import Field, create_model
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.models import Locale, Page

from core.filters import MAX_PARAM_LENGTH

from . import schemas

#: Rendition name → Wagtail filter spec; sizes the site's own cards and heroes already made.
RENDITIONS = {
    "thumbnail": "fill-400x250|format-webp",
    "card": "fill-800x500|format-webp",
    "large": "fill-1280x600|format-webp",
}
MAX_LIMIT = 50
#: Page type → the name of its endpoint (detail, or listing for an index page), for `api_url`.
ENDPOINTS = {}
#: What a read endpoint of one page answers besides success.
READ_ERRORS = {404: ProblemDetail, 422: ProblemDetail}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def use_language(request, locale=None):
    """Answer in `locale` (else `?locale=`) when it is one of ours, else in the
    language the middleware took from Accept-Language; return the language code."""
    language = locale or request.GET.get("locale") or translation.get_language()
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


def activate(request, locale):
    """`use_language`, returning that language's Locale."""
    return Locale.objects.get(language_code=use_language(request, locale))


def problem(status, detail, errors=None):
    """An RFC 7807 answer, the shape of every error of this API (Wagtail API v3's)."""
    return problem_response(status=status, detail=str(detail), errors=errors)


def form_errors(form):
    """A Django form's errors as RFC 7807 `errors`, in the active language."""
    return [
        {"loc": [name] if name != "__all__" else [], "msg": str(message), "type": error.code or ""}
        for name, errors in form.errors.as_data().items()
        for error in errors
        for message in error.messages
    ]


def image_data(request, image):
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITIONS.values())
    return {
        "alt": image.default_alt_text or "",
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": request.build_absolute_uri(renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITIONS.items()
        },
    }


def choice(value, label):
    return {"value": value or "", "label": str(label or "")}


def choices(choices_class, values):
    labels = dict(choices_class.choices)
    return [choice(value, labels[value]) for value in values if value in labels]


def spirit_data(request, spirit):
    return {
        "slug": spirit.slug,
        "name": spirit.name,
        "short_description": spirit.short_description,
        "image": image_data(request, spirit.image),
    }


def partner_data(request, partner):
    return {
        "slug": partner.slug,
        "name": partner.name,
        "short_name": partner.short_name,
        "city": partner.city,
        "city_label": str(partner.get_city_display()),
        "kind": partner.kind,
        "kind_label": str(partner.get_kind_display()),
        "website": partner.website,
        "booking_url": partner.booking_url,
        "hotline": partner.hotline,
        "description": partner.description,
        "logo": image_data(request, partner.logo),
    }


def localized_partner(request, partner, locale):
    """A page's link to a partner (the source snippet), in the reader's language."""
    if partner is None:
        return None
    translated = partner.get_translation_or_none(locale) or partner
    return partner_data(request, translated)


def page_summary(request, page):
    # Any page type may be featured on the home page; those with a card image name its field.
    image_field = getattr(page, "card_image_field", None)
    return {
        "id": page.pk,
        "locale": page.locale.language_code,
        "title": page.title,
        "url": page.get_full_url(request),
        "last_published_at": page.last_published_at,
        "image": image_data(request, getattr(page, image_field)) if image_field else None,
    }


def page_detail(request, page):
    translations = Page.objects.live().public().filter(translation_key=page.translation_key)
    return {
        **page_summary(request, page),
        "translations": dict(translations.values_list("locale__language_code", "pk")),
    }


def page_ref(request, page):
    return {"id": page.pk, "title": page.title, "url": page.get_full_url(request)}


class LocaleQuery(Schema):
    locale: schemas.LocaleCode | None = Field(
        None, description="The page's own language by default."
    )


def get_page(request, model, page_id, locale, response=None):
    """The live, public page `page_id`, or its translation in `locale` when one is asked for.

    An id of the other language is accepted, so that a front end that
    switches language keeps its links. Sets Last-Modified on `response`.
    """
    page = model.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404(gettext("没有这个页面。"))
    wanted = activate(request, locale or page.locale.language_code)
    if page.locale_id != wanted.pk:
        page = (
            model.objects.live()
            .public()
            .filter(translation_key=page.translation_key, locale=wanted)
            .first()
        )
        if page is None:
            raise Http404(gettext("此页面尚未发布该语言的版本。"))
    if response is not None and page.last_published_at:
        response["Last-Modified"] = http_date(page.last_published_at.timestamp())
    return page


# Listings --------------------------------------------------------------------


def _filter_type(field):
    """The query parameter type of a filter form field: its choices when fixed."""
    values = [value for value, _label in field.choices if value]
    if values:
        return Literal[tuple(values)] | None
    return str | None


def listing_query(name, index_model, extra=None):
    """The query parameters of a listing: the filters of its page's form, locale, paging.

    Built from the listing page's own filter form, so the API offers exactly
    the filters the page does.
    """
    fields = {
        "locale": (
            schemas.LocaleCode | None,
            Field(None, description="Default: Accept-Language."),
        ),
        "limit": (int, Field(20, ge=1, le=MAX_LIMIT)),
        "offset": (int, Field(0, ge=0)),
    }
    form_class = index_model.filter_form_class
    for field_name, field in form_class.base_fields.items() if form_class else ():
        fields[field_name] = (
            _filter_type(field),
            Field(None, max_length=MAX_PARAM_LENGTH, description=str(field.label)),
        )
    fields.update(extra or {})
    return create_model(name, __base__=Schema, **fields)


def paged(schema):
    """The envelope of a page of results of `schema`."""
    return create_model(
        f"{schema.__name__}Page",
        __base__=Schema,
        count=(int, Field(description="Results with these filters, on every page.")),
        next=(str | None, Field(description="URL of the next page of results, or null.")),
        previous=(str | None, Field(description="URL of the previous page, or null.")),
        items=(list[schema], ...),
    )


class FilterRefused(HttpError):
    def __init__(self, form):
        super().__init__(422, gettext("筛选条件无效。"))
        self.errors = form_errors(form)


def listing(request, index_model, params, serialize):
    """A page of the listing `index_model` shows in the requested language.

    The listing page's own pages, filters and card preparation make the
    results, so the API lists what the page lists, in the same order.
    """
    locale = activate(request, params.locale)
    index = index_model.objects.live().public().filter(locale=locale).first()
    if index is None:
        return {"count": 0, "next": None, "previous": None, "items": []}
    pages = index.get_listed_pages()
    if index.filter_form_class is not None:
        data = {name: value for name, value in params.dict().items() if value is not None}
        form = index.filter_form_class(data, **index.get_filter_form_kwargs())
        if not form.is_valid():
            raise FilterRefused(form)
        pages = form.filter(pages)
    count = pages.count()
    listed = list(pages[params.offset : params.offset + params.limit])
    index.prepare_cards(listed)
    return {
        "count": count,
        "next": _page_url(request, params.offset + params.limit, count),
        "previous": _page_url(request, params.offset - params.limit, count)
        if params.offset
        else None,
        "items": [serialize(request, page) for page in listed],
    }


def page_endpoints(router, path, index_model, summarize, name):
    """Decorate `describe(request, page)` to add a page type's two read endpoints to `router`.

    The listing (`path`) is the listing page's (`listing`): its filters, order
    and paging, each item `summarize(request, page)`. A page (`path<id>/`)
    is its item, the translations every page has and what `describe` adds.
    `name` (singular, snake case) makes the operation ids (`api_tourism_list_routes`,
    `api_tourism_get_route`) and names the schemas (`schemas.RouteSummary`,
    `schemas.RouteDetail`); `describe`'s docstring is the detail's title in the docs.
    """
    schema_name = name.title().replace("_", "")

    def register(describe):
        (page_model,) = index_model.allowed_subpage_models()
        params_schema = listing_query(f"{schema_name}Query", index_model)

        def list_pages(request, params: Query[params_schema]):
            return listing(request, index_model, params, summarize)

        def get_one(request, page_id: int, response: HttpResponse, params: Query[LocaleQuery]):
            page = get_page(request, page_model, page_id, params.locale, response)
            return {
                **summarize(request, page),
                **page_detail(request, page),
                **describe(request, page),
            }

        ENDPOINTS[index_model] = f"list_{name}s"
        ENDPOINTS[page_model] = f"get_{name}"
        router.get(
            path,
            url_name=ENDPOINTS[index_model],
            response={200: paged(getattr(schemas, f"{schema_name}Summary")), 422: ProblemDetail},
            summary=f"List {name.replace('_', ' ')}s",
            description="In one language, filtered as on the listing page of this site, in "
            "its order; `limit` and `offset` page through the results.",
            operation_id=f"api_{router.tags[0]}_{ENDPOINTS[index_model]}",
        )(list_pages)
        router.get(
            f"{path}{{int:page_id}}/",
            url_name=ENDPOINTS[page_model],
            response={200: getattr(schemas, f"{schema_name}Detail"), **READ_ERRORS},
            summary=describe.__doc__.rstrip("."),
            operation_id=f"api_{router.tags[0]}_{ENDPOINTS[page_model]}",
        )(get_one)
        return describe

    return register


def api_url(request, page):
    """This API's URL for `page` (its detail; a listing page's listing), or None."""
    name = ENDPOINTS.get(page.specific_class)
    if name is None:
        return None
    kwargs = {"page_id": page.pk} if name.startswith("get_") else {}
    url = reverse(f"partner_api:{name}", kwargs=kwargs)
    return request.build_absolute_uri(f"{url}?locale={page.locale.language_code}")


def _page_url(request, offset, count):
    if offset >= count:
        return None
    query = request.GET.copy()
    query["offset"] = max(offset, 0)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


# Request bodies ------------------------------------------------------------------

#: Fields of a public request form that a front end never sends: the honeypot
#: (an API client is no bot filling every input) and the key, which is a header.
FORM_ONLY_FIELDS = {"website", "idempotency_key"}


def _body_type(field):
    if isinstance(field, forms.BooleanField):
        return bool
    if isinstance(field, forms.IntegerField):
        return int
    if isinstance(field, forms.ModelChoiceField):
        return int
    values = [value for value, _label in getattr(field, "choices", ()) if value]
    if isinstance(field, forms.MultipleChoiceField):
        return list[Literal[tuple(values)]] if values else list[str]
    if isinstance(field, forms.ChoiceField) and values:
        return Literal[tuple(values)]
    return str


def form_body(name, form_class, drop=()):
    """The JSON body of a public request form, field for field.

    The form still validates it (ratio rule, phone numbers, consent, seats),
    so its messages come in the request's language; this schema documents it.
    """
    fields = {}
    for field_name, field in form_class.base_fields.items():
        if field_name in FORM_ONLY_FIELDS or field_name in drop:
            continue
        kind = _body_type(field)
        description = " ".join(str(text) for text in (field.label, field.help_text) if text)
        extra = {"max_length": field.max_length} if getattr(field, "max_length", None) else {}
        if isinstance(field, forms.BooleanField):
            fields[field_name] = (bool, Field(False, description=description))
        elif field.initial is not None and not callable(field.initial):
            # A model default the form's select shows preselected (meals, arrival).
            fields[field_name] = (kind, Field(field.initial, description=description, **extra))
        elif field.required:
            fields[field_name] = (kind, Field(..., description=description, **extra))
        else:
            fields[field_name] = (kind | None, Field(None, description=description, **extra))
    return create_model(name, __base__=Schema, **fields)


def form_data(body):
    """The body as the form's data: unset optional fields left out, as a browser would."""
    return {name: value for name, value in body.dict().items() if value is not None}
