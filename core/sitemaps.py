from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    """Every live page of the site in every language.

    Wagtail's own sitemap lists the descendants of the site's root page,
    which is the Chinese home page only; the English tree is a sibling.
    """

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = reduce(or_, (Q(path__startswith=home.path) for home in homes), Q(pk=None))
        return (
            Page.objects.live()
            .public()
            .filter(in_any_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
