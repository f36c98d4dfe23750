"""Demo content of the home app: the site, its settings and both home pages.

The data is demo_data/home.toml. `load` runs first, since every other app's
pages go under the home page; `feature` runs last, once they exist.
"""

from pathlib import Path

from django.apps import apps
from wagtail.models import Page, Site

from core.demo import Paragraphs, chinese, read
from core.origin import site_address

from .models import HomePage, SiteSettings

DATA = Path(__file__).parent / "demo_data" / "home.toml"


def load(demo):
    data = read(DATA)
    english = {}
    fields = chinese(_home_fields(data["home"]), english)
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    if home is None:
        home = HomePage(
            slug="home",
            locale=demo.source_locale,
            hero_image=demo.image(**data["home"]["hero_image"]),
            **fields,
        )
        # Wagtail's install leaves a placeholder "Welcome" page as the site root.
        for placeholder in root.get_children().not_type(HomePage):
            placeholder.delete()
        root.add_child(instance=home)
        home.save_revision(user=demo.user).publish(user=demo.user)
        demo.created += 1
        demo.log(f"  + 首页: {home.title}")
    settings = data["site"]
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # The site answers where it is served (settings.PUBLIC_ORIGIN), so the
    # links Wagtail builds from the Site agree with the site's own.
    (site.hostname, site.port), site.site_name = site_address(), settings["site_name"]
    site.root_page = home
    site.save()
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            # Site settings keep their English in fields of their own.
            **_with_english(settings, "organisation_name", "address"),
            "hotline": settings["hotline"],
            "email": settings["email"],
            "icp_number": settings["icp_number"],
            "public_security_number": settings["public_security_number"],
            "default_share_image": home.hero_image,
            "wechat_qr_code": demo.image(**settings["wechat_qr_code"]),
        },
    )
    demo.translate(home, english)
    return home


def feature(demo):
    """Fill the home page's sections with the other apps' demo pages.

    An editor's own sections are never replaced.
    """
    data = read(DATA)
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    if home.sections.raw_data:
        return
    english = {}
    chinese(_home_fields(data["home"]), english)
    sections = []
    for section in data["sections"]:
        pages = apps.get_model(section["model"]).objects.live().filter(locale=demo.source_locale)
        slugs = section.get("pages")
        pages = [pages.get(slug=slug) for slug in slugs] if slugs else list(pages[:3])
        index = apps.get_model(section["index"]).objects.filter(locale=demo.source_locale).first()
        sections.append(
            (
                "featured",
                {
                    "heading": chinese(section["heading"], english),
                    "intro": chinese(section["intro"], english),
                    "pages": pages,
                    "link_page": index,
                },
            )
        )
    home.sections = sections
    home.cta_page = (
        apps.get_model(data["home"]["cta_page"]).objects.filter(locale=demo.source_locale).first()
    )
    home.save_revision(user=demo.user).publish(user=demo.user)
    demo.translate(home, english, update=True)


def _home_fields(data):
    """The home page's own texts, as {zh, en} pairs; the hero's alt text is its image's name."""
    fields = {key: value for key, value in data.items() if key not in ("hero_image", "cta_page")}
    return {**fields, "body": Paragraphs(data["body"]), "image_alt": data["hero_image"]["title"]}


def _with_english(data, *names):
    fields = {}
    for name in names:
        fields[name] = data[name]["zh"]
        fields[f"{name}_en"] = data[name]["en"]
    return fields
