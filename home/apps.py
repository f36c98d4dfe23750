from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("首页与站点")
    # The home page first, since the other apps' demo pages go under it; its
    # featured sections last, once those pages exist (see core.demo.loaders).
    demo_loaders = ["home.demo_content.load"]
    demo_final_loaders = ["home.demo_content.feature"]
