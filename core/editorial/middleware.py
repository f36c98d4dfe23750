"""Say why, before Wagtail's page views refuse.

The editorial rules are part of the page permissions (core.editorial.pages),
so every admin view enforces them; but the single-page views check
permissions before any `before_*_page` hook runs and then only say "no
permission". This middleware answers those views first, with the rule that
refuses (a 403 in the user's language), and also reads the submitted form,
which the permission tester never sees (an editor may not move a page to
another city by choosing it in the form).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .permissions import add_refusal, create_refusal, forbidden, page_refusal

#: Views of one page, and the URL argument naming it.
PAGE_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:delete": "page_id",
    "wagtailadmin_pages:copy": "page_id",
    "wagtailadmin_pages:unpublish": "page_id",
    "wagtailadmin_pages:convert_alias": "page_id",
    "wagtailadmin_pages:move": "page_to_move_id",
    "wagtailadmin_pages:move_confirm": "page_to_move_id",
}


def _refusal(request, view_name, kwargs):
    if argument := PAGE_VIEWS.get(view_name):
        page = Page.objects.filter(id=kwargs[argument]).first()
        return page and page_refusal(request.user, page, request)
    if view_name == "wagtailadmin_pages:add_subpage":
        parent = Page.objects.filter(id=kwargs["parent_page_id"]).first()
        return parent and add_refusal(request.user, parent)
    if view_name == "wagtailadmin_pages:add":
        parent = Page.objects.filter(id=kwargs["parent_page_id"]).first()
        try:
            content_type = ContentType.objects.get_by_natural_key(
                kwargs["content_type_app_name"], kwargs["content_type_model_name"]
            )
        except ContentType.DoesNotExist:
            return None  # Wagtail answers 404
        page_class = content_type.model_class()
        if parent is None or page_class is None or not issubclass(page_class, Page):
            return None
        return create_refusal(request.user, parent, page_class, request)
    return None


class EditorialRefusalMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return None
        refusal = _refusal(request, match.view_name, view_kwargs)
        return forbidden(request, refusal) if refusal else None
