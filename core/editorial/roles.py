"""The editorial roles and what a user's group memberships mean.

The groups themselves are created by the data migration home 0003 (and the
booking managers' group by education 0002), so every install has them; the
names here must match those migrations.
"""

from dataclasses import dataclass

YANAN_EDITORS = "Yan'an editors"
WUXI_EDITORS = "Wuxi editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
BOOKING_MANAGERS = "Booking managers"

#: The city whose pages the members of each editors' group may create and edit.
CITY_OF_GROUP = {YANAN_EDITORS: "yanan", WUXI_EDITORS: "wuxi"}


@dataclass(frozen=True)
class EditorialRole:
    """What the hooks need to know about a user, read once per request."""

    unrestricted: bool
    cities: frozenset
    translator: bool


def role_for(user):
    """The user's editorial role, cached on the user object for the request."""
    cached = getattr(user, "_editorial_role", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        role = EditorialRole(unrestricted=True, cities=frozenset(), translator=False)
    else:
        names = set(user.groups.values_list("name", flat=True))
        role = EditorialRole(
            unrestricted=MODERATORS in names,
            cities=frozenset(city for group, city in CITY_OF_GROUP.items() if group in names),
            translator=TRANSLATORS in names,
        )
    user._editorial_role = role
    return role
