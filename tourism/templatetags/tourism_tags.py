from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Flight

register = template.Library()


@register.inclusion_tag("tourism/includes/flights.html", takes_context=True)
def current_flights(context, heading=None):
    """The flights valid today, for the home page: `{% current_flights %}`.

    Expired flights disappear on their own: schedules are data with dates.
    """
    return {
        "flights": list(Flight.objects.valid_on()),
        "heading": heading or _("直航航班"),
        "request": context.get("request"),
    }


@register.filter
def historic_date(value, precision):
    """A date shown only as precisely as the historian knows it: 1937, 1937-01 or the day."""
    formats = {"year": "Y", "month": "YEAR_MONTH_FORMAT", "day": "DATE_FORMAT"}
    fmt = formats.get(precision, "DATE_FORMAT")
    if not value:
        return ""
    if fmt == "Y":
        return _("%(year)d年") % {"year": value.year}
    return date_format(value, fmt)


@register.filter
def enumeration(items):
    """Join labels the way the active language lists things: "春季、秋季" or "Spring, Autumn"."""
    return _("、").join(str(item) for item in items)
