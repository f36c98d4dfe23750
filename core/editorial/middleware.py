"""Say why, before Wagtail's page views refuse; answer malformed page forms with a 400.

The editorial rules are part of the page permissions (core.editorial.pages),
so every admin view enforces them; but the single-page views check
permissions before any `before_*_page` hook runs and then only say "no
permission". This middleware answers those views first, with the rule that
refuses (a 403 in the user's language), and also reads the submitted form,
which the permission tester never sees (an editor may not move a page to
another city by choosing it in the form). wagtail-localize's sync view asks
for no page permission and may publish: it is refused here too.

A page form whose StreamField data lacks a block count (no browser sends
one; a script or a half-loaded page may) makes Wagtail's blocks raise while
reading it: that is answered with a 400 saying so, instead of a 500.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext
from wagtail.models import Page

from .permissions import add_refusal, create_refusal, forbidden, page_refusal, sync_refusal

#: Views of one page, and the URL argument naming it.
PAGE_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:preview_on_edit": "page_id",
    "wagtailadmin_pages:view_draft": "page_id",
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
    if view_name == "wagtail_localize:update_translations":
        return sync_refusal(request.user)
    return None


#: The page form views, whose POST Wagtail's block widgets read.
FORM_VIEWS = {
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:add",
    "wagtailadmin_pages:preview_on_edit",
    "wagtailadmin_pages:preview_on_add",
}
PREVIEW_VIEWS = {"wagtailadmin_pages:preview_on_edit", "wagtailadmin_pages:preview_on_add"}


def raised_by_blocks(exception):
    """Whether `exception` comes from reading a StreamField's form data (a missing `-count`)."""
    if not isinstance(exception, KeyError | ValueError | TypeError):
        return False
    frame = exception.__traceback__
    while frame is not None:
        if frame.tb_frame.f_globals.get("__name__", "").startswith("wagtail.blocks."):
            return True
        frame = frame.tb_next
    return False


def malformed_form(request, view_name):
    """A 400 for form data no editor's browser sends; the page itself is untouched."""
    reason = gettext(
        "提交的表单数据不完整，无法读取（页面可能没有加载完）。页面没有被修改；请刷新编辑页面后重试。"
    )
    if view_name in PREVIEW_VIEWS:
        # The preview panel asks with fetch() and reads JSON.
        return JsonResponse({"is_valid": False, "is_available": False, "error": reason}, status=400)
    return forbidden(request, reason, heading=gettext("无法读取表单"), status=400)


class EditorialRefusalMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return None
        refusal = _refusal(request, match.view_name, view_kwargs)
        return forbidden(request, refusal) if refusal else None

    def process_exception(self, request, exception):
        # Wagtail reads block form data with data[...] and int(): malformed data is a 500 there.
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name not in FORM_VIEWS:
            return None
        return malformed_form(request, match.view_name) if raised_by_blocks(exception) else None
