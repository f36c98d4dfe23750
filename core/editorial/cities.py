"""Which cities a page belongs to: the scope of the Yan'an and Wuxi editors.

A page type that belongs to cities mixes in `CityScopedPage`, which reads its
city-like fields: a `city` (red sites, study bases) or a route's `start_city` /
`end_city` / `region` ("both" means a twin-city route, which both teams look
after). A page type whose cities live elsewhere (a joint offering: the cities
of its partners) overrides the two methods that say them.

Any other page belongs to the cities of its nearest ancestor that names any;
index pages and the home page belong to none, so only moderators change them.
"""

from django.db import models

from core.choices import City
from core.localize import enumeration

CITY_FIELDS = ("city", "start_city", "end_city", "region")
#: Values of a city-like field that stand for more than one city.
CITY_GROUPS = {"both": set(City.values)}


def expand(values):
    """The city codes `values` stand for; unknown values (blank, "other") stand for none."""
    cities = set()
    for value in values:
        cities |= CITY_GROUPS.get(value, {value} if value in City.values else set())
    return cities


class CityScopedPage:
    """A page type that says which cities it belongs to; the editors of those cities change it."""

    @classmethod
    def city_fields(cls):
        """The names of the model's own city-like fields."""
        names = {field.name for field in cls._meta.get_fields() if isinstance(field, models.Field)}
        return [name for name in CITY_FIELDS if name in names]

    def editorial_cities(self):
        """The city codes this (saved) page names."""
        return expand(getattr(self, name) for name in self.city_fields())

    @classmethod
    def cities_from_form_data(cls, data):
        """The city codes chosen in a submitted edit form for this page type."""
        return expand(data.get(name, "") for name in cls.city_fields())


def _self_and_ancestors(page):
    yield page.specific
    # Lazily: most pages name their cities themselves.
    yield from reversed(page.get_ancestors().specific())


def page_cities(page):
    """The city codes of `page`, or of its nearest ancestor that names any."""
    for candidate in _self_and_ancestors(page):
        if isinstance(candidate, CityScopedPage) and (cities := candidate.editorial_cities()):
            return cities
    return set()


def city_names(cities):
    labels = dict(City.choices)
    return enumeration(labels[city] for city in sorted(cities) if city in labels)
