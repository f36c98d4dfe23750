"""Which cities a page belongs to: the scope of the Yan'an and Wuxi editors.

Pages say where they are with a `city` field (red sites, study bases) or a
route's `start_city` / `end_city` / `region` ("both" means a twin-city route,
which both teams look after). A page without such a field belongs to the
cities of its nearest ancestor that has one; index pages and the home page
belong to none, so only moderators change them.

A page type whose cities live elsewhere (a joint offering: the cities of its
partners) registers its own reader with `register_cities`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

CITY_NAMES = {"yanan": _("延安"), "wuxi": _("无锡")}
CITY_FIELDS = ("city", "start_city", "end_city", "region")
#: Values of a city-like field that stand for more than one city.
CITY_GROUPS = {"both": {"yanan", "wuxi"}}

_readers = {}


def register_cities(model, from_page, from_data):
    """Let `model` say its cities: `from_page(page)` and `from_data(post_data)` return sets."""
    _readers[model] = (from_page, from_data)


def _expand(values):
    cities = set()
    for value in values:
        cities |= CITY_GROUPS.get(value, {value} if value in CITY_NAMES else set())
    return cities


def _reader(model):
    for klass in model.__mro__:
        if klass in _readers:
            return _readers[klass]
    return None


def city_fields(model):
    """The names of `model`'s own city-like fields."""
    names = {field.name for field in model._meta.get_fields() if isinstance(field, models.Field)}
    return [name for name in CITY_FIELDS if name in names]


def has_own_cities(model):
    return bool(city_fields(model) or _reader(model))


def own_cities(page):
    """The cities a (specific) page names itself, without looking at its ancestors."""
    reader = _reader(type(page))
    if reader:
        return _expand(reader[0](page))
    return _expand(getattr(page, name) for name in city_fields(type(page)))


def submitted_cities(model, data):
    """The cities chosen in a submitted page form for `model` (empty if it has no city field)."""
    reader = _reader(model)
    if reader:
        return _expand(reader[1](data))
    return _expand(data.get(name, "") for name in city_fields(model))


def editorial_cities(page):
    """The city codes of `page`, or of its nearest ancestor that names any."""
    cities = own_cities(page.specific)
    if cities or page.is_root():
        return cities
    for ancestor in reversed(page.get_ancestors().specific()):
        cities = own_cities(ancestor)
        if cities:
            return cities
    return set()


def city_names(cities):
    return "、".join(str(CITY_NAMES[city]) for city in sorted(cities) if city in CITY_NAMES)
