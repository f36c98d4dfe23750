from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Machinery every content app shares; it depends on none of them."""

    name = "core"
    verbose_name = _("公共组件")
    # Demo accounts, one per editorial role (see core.demo.loaders).
    demo_loaders = ["core.editorial.demo_content.load"]

    def ready(self):
        # Here, not in wagtail_hooks.py: Wagtail imports the hooks only when
        # first asked for one, and `manage.py createsuperuser` never asks.
        from django.db.models.signals import post_migrate

        from . import cache  # noqa: F401  (connects the page cache's invalidation)
        from .editorial import signals  # noqa: F401
        from .localize import localize_translation_dates
        from .origin import sync_default_site

        localize_translation_dates()

        # After every `migrate` (deploys and `make run` run it), so the Site
        # follows PUBLIC_ORIGIN with no step of its own.
        post_migrate.connect(sync_default_site, sender=self)
