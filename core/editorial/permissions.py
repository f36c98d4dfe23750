"""Who may work on which page: the rules behind the page permissions (pages.py), the
refusals of the middleware (middleware.py) and the snippet hook.

Group page permissions are granted on the root page (pages do not exist when
the migration runs); these checks narrow them:

- moderators (and superusers) may do everything their permissions allow;
- a city editor may work on pages whose cities (`page_cities`) include a city of
  their group, in either language, and may only create pages in Chinese;
- a translator may work on translations (any locale but the Chinese source).

A refusal is a short sentence in the user's language saying why, shown on a
403 page.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from .cities import CityScopedPage, city_names, page_cities
from .roles import role_for


def is_source_locale(obj):
    return obj.locale.language_code == settings.LANGUAGE_CODE


def _city_refusal(role, cities):
    if not cities:
        return gettext("这个页面不属于延安或无锡的栏目，只有审核员可以修改。")
    if not cities & role.cities:
        return gettext("这个页面属于%(cities)s，你只能编辑%(own)s的页面。") % {
            "cities": city_names(cities),
            "own": city_names(role.cities),
        }
    return None


def _submitted_refusal(role, page_class, request):
    """A city chosen in the submitted form must be one of the editor's own."""
    if request.method != "POST" or not issubclass(page_class, CityScopedPage):
        return None
    chosen = page_class.cities_from_form_data(request.POST)
    if chosen and not chosen & role.cities:
        return gettext("你只能为%(own)s创建和编辑页面，请在表单中选择%(own)s。") % {
            "own": city_names(role.cities)
        }
    return None


def page_refusal(user, page, request=None):
    """Why `user` may not edit (delete, copy, move) `page`, or None if they may."""
    role = role_for(user)
    if role.unrestricted:
        return None
    if not is_source_locale(page) and role.translator:
        return None
    if not role.cities:
        if role.translator:
            return gettext("译员只能编辑英文译文；中文原文由编辑修改、审核员发布。")
        return gettext("你的账户没有编辑页面的权限。")
    refusal = _city_refusal(role, page_cities(page))
    if refusal is None and request is not None:
        refusal = _submitted_refusal(role, type(page.specific), request)
    return refusal


def add_refusal(user, parent):
    """Why `user` may not add any page under `parent`, or None if they may add some."""
    role = role_for(user)
    if role.unrestricted:
        return None
    if not role.cities:
        return gettext("只有编辑和审核员可以新建页面。")
    if not is_source_locale(parent):
        return gettext("新页面请先用中文创建，英文版本通过翻译生成。")
    # An index page names no city: its new pages choose theirs in the form.
    cities = page_cities(parent)
    return _city_refusal(role, cities) if cities else None


def create_refusal(user, parent, page_class, request):
    """Why `user` may not create a `page_class` under `parent`, or None if they may."""
    refusal = add_refusal(user, parent)
    role = role_for(user)
    if refusal or role.unrestricted:
        return refusal
    if issubclass(page_class, CityScopedPage):
        # The city is chosen in the form itself.
        return _submitted_refusal(role, page_class, request)
    return _city_refusal(role, page_cities(parent))


def sync_refusal(user):
    """Syncing translations (wagtail-localize) may publish English pages at once: moderators only."""
    if role_for(user).unrestricted:
        return None
    return gettext("同步译文会直接发布英文页面，只有审核员可以同步；请编辑英文页面后提交审核。")


def snippet_refusal(user, instance):
    """Translators may change translated snippets only, never the Chinese source."""
    role = role_for(user)
    if role.unrestricted or role.cities or not hasattr(instance, "locale"):
        return None
    if is_source_locale(instance):
        return gettext("译员只能编辑英文译文；中文原文由编辑修改。")
    return None


def forbidden(request, reason, heading=None, status=403):
    """The admin's 403 page (or another refusal), saying why."""
    return TemplateResponse(
        request,
        "core/editorial/forbidden.html",
        {"reason": reason, "heading": heading or gettext("没有权限")},
        status=status,
    )
