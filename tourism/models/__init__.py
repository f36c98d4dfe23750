from .offerings import JointOfferingIndexPage, JointOfferingPage
from .routes import RouteIndexPage, RoutePage
from .sites import RedSiteIndexPage, RedSitePage
from .snippets import Flight, Partner, Spirit

__all__ = [
    "Flight",
    "JointOfferingIndexPage",
    "JointOfferingPage",
    "Partner",
    "RedSiteIndexPage",
    "RedSitePage",
    "RouteIndexPage",
    "RoutePage",
    "Spirit",
]
