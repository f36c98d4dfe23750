from django import template

from core.editorial.translation import submit_translation_buttons

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review_button(context, page):
    """The button sending this English page to moderation, or None where the user may not."""
    return next(submit_translation_buttons(page, context["request"].user), None)
