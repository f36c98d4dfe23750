"""The editorial rules as part of Wagtail's page permissions.

Every page type of the project mixes in `EditorialPage`, so Wagtail asks
`EditorialPermissionTester` whatever it asks about a page: the edit, delete,
copy, move, publish and unpublish views, their bulk versions, previews,
wagtail-localize's translation views (which ask `can_edit()`), and the
explorer, which then offers no action that would answer 403.

The `before_*_page` hooks in core/wagtail_hooks.py still run first on the
single-page views: they say *why* (the tester can only say no), and they read
the submitted form, which the tester never sees.
"""

from django.utils.functional import cached_property
from wagtail.models import PagePermissionTester

from core.localize import set_translation_slug
from core.routing import PublicPage

from .permissions import add_refusal, page_refusal


class EditorialPermissionTester(PagePermissionTester):
    """Wagtail's answers, narrowed to the user's city and, for translators, to translations."""

    @cached_property
    def refused(self):
        return page_refusal(self.user, self.page) is not None

    @cached_property
    def adding_refused(self):
        return add_refusal(self.user, self.page) is not None

    def can_add_subpage(self):
        return super().can_add_subpage() and not self.adding_refused

    def can_publish_subpage(self):
        return super().can_publish_subpage() and not self.adding_refused

    def can_edit(self):
        return super().can_edit() and not self.refused

    def can_delete(self, ignore_bulk=False):
        # Moving asks this too (with ignore_bulk), so a refused page stays where it is.
        return super().can_delete(ignore_bulk) and not self.refused

    def can_publish(self):
        return super().can_publish() and not self.refused

    def can_unpublish(self):
        return super().can_unpublish() and not self.refused

    def can_lock(self):
        return super().can_lock() and not self.refused


class EditorialPage(PublicPage):
    """Mixed into every page type, before `Page`: its permissions follow the editorial rules,
    and its translations get ASCII slugs.

    Through it every page type is also a `PublicPage` (no view-restriction
    query while the site has none).
    """

    def permissions_for_user(self, user):
        return EditorialPermissionTester(user, self)

    # English pages get pinyin slugs. Page.save cleans a draft with
    # `minimal_clean` and a live page or a revision with `full_clean`; both
    # check the slug is free, so the slug is settled before either.
    def full_clean(self, *args, **kwargs):
        set_translation_slug(self)
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        set_translation_slug(self)
        super().minimal_clean()
