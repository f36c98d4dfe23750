"""Translators send an English translation to moderation.

wagtail-localize's translation editor offers "publish" only, to users who may
publish; translators may not. This view saves the translated strings as a new
revision of the English page and starts (or resumes) its moderation workflow,
so a moderator approves the English page as they approve a Chinese one.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation

from .permissions import forbidden, is_source_locale, page_refusal


def page_translation(page):
    """The enabled wagtail-localize translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def submit_translation_for_moderation(request, page_id):
    """GET: a confirmation page (works without JavaScript); POST: save and submit."""
    page = get_object_or_404(Page, id=page_id).specific
    translation = page_translation(page)
    if translation is None:
        return forbidden(request, gettext("这个页面不是由翻译生成的英文页面。"))
    refusal = page_refusal(request.user, page)
    if refusal is None and not page.permissions_for_user(request.user).can_edit():
        refusal = gettext("你没有编辑这个页面的权限。")
    if refusal:
        return forbidden(request, refusal)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "core/editorial/submit_translation.html",
            {"page": page, "translation": translation},
        )

    # Not `translation.save_target(publish=False)`: it also writes the page
    # row, which is what visitors see. A revision waits for the moderator.
    draft = translation.source.get_ephemeral_translated_instance(page.locale, fallback=True)
    try:
        draft.save_revision(user=request.user, log_action=True)
    except ValidationError as error:
        messages.error(
            request,
            gettext("译文未能保存：%(errors)s") % {"errors": "；".join(error.messages)},
        )
        return redirect("wagtailadmin_pages:edit", page.id)

    page.refresh_from_db()
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(request.user)
    else:
        if workflow_state is not None:
            # Under review already: the moderator must see the new draft.
            workflow_state.cancel(user=request.user)
        page.get_workflow().start(page, request.user)
    messages.success(
        request,
        gettext("英文页面“%(title)s”已提交审核。") % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.id)


def submit_translation_buttons(page, user, view_name=None, next_url=None):
    """A button to send the English translation to moderation, beside the page's actions."""
    if page.is_root() or is_source_locale(page) or page.get_workflow() is None:
        return
    if page_translation(page) is None or page_refusal(user, page) is not None:
        return
    yield ListingButton(
        gettext("提交英文译文审核"),
        reverse("editorial:submit_translation", args=[page.id]),
        icon_name="resubmit",
        priority=70,
    )


def english_translation_buttons(page, user, view_name=None, next_url=None):
    """On a Chinese page a translator may not edit: a link to its English page's editor.

    Translators start an English translation with wagtail-localize's "Translate
    this page"; once it exists, this is how they come back to it from the
    Chinese page. Whoever may edit the Chinese page has Wagtail's own locale
    switch there.
    """
    if page.is_root() or not is_source_locale(page) or page_refusal(user, page) is None:
        return
    english = page.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english is None or not english.permissions_for_user(user).can_edit():
        return
    yield ListingButton(
        gettext("翻译英文版"),
        reverse("wagtailadmin_pages:edit", args=[english.id]),
        icon_name="wagtail-localize-language",
        priority=60,
    )
