from django import template
from django.utils.translation import gettext as _

from ..blocks import historic_date
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


register.filter("historic_date", historic_date)
