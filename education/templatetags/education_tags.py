from django import template

from education.study_tours.choices import AgeBand

register = template.Library()


@register.filter
def age_band_label(value):
    """The label of an age band code in the active language; unknown codes as they are."""
    try:
        return AgeBand(value).label
    except ValueError:
        return value
