from django import template

from education.study_tours.choices import AgeBand

register = template.Library()


@register.filter
def age_band_labels(values):
    """The labels of age band codes in the active language; unknown codes as they are."""
    labels = dict(AgeBand.choices)
    return [labels.get(value, value) for value in values]
