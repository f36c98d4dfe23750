"""What base.html needs from every page type: share previews, JSON-LD and cards."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page

from .origin import absolute_url, page_url


class PageMetaMixin:
    """Mixed into every page type, ahead of `Page`.

    Subclasses name their main image in `card_image_field` (it is also the
    JSON-LD image) and extend `get_json_ld` with their schema.org type;
    base.html does the rest.
    """

    #: Name of the ForeignKey to the image used on cards and share previews.
    card_image_field = None
    #: Open Graph type of the page.
    og_type = "website"

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading=_("搜索引擎与分享"),
        ),
        FieldPanel("show_in_menus"),
    ]

    def get_card_image(self):
        return getattr(self, self.card_image_field) if self.card_image_field else None

    def get_image_alt(self):
        """The alt text of the page's main image: the page's own (translated with it),
        else the image's description."""
        image = self.get_card_image()
        if image is None:
            return ""
        return getattr(self, "image_alt", "") or image.default_alt_text

    def get_card_summary(self):
        """One or two sentences for cards and share previews."""
        return self.search_description

    def get_card_meta(self):
        """A short line of facts under the card title (days, city, dates)."""
        return ""

    def get_meta_description(self):
        return self.search_description or self.get_card_summary()

    def get_sitemap_urls(self, request=None):
        # Wagtail's <loc> starts with the Site's host; every URL the site
        # writes starts with the public origin.
        return [
            {**entry, "location": page_url(self, request)}
            for entry in super().get_sitemap_urls(request)
        ]

    def get_json_ld(self, request):
        """The schema.org description of the page, as a dict."""
        data = {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.title,
            "url": page_url(self, request),
            "inLanguage": self.locale.language_code,
        }
        if description := self.get_meta_description():
            data["description"] = description
        if image := self.get_card_image():
            data["image"] = image_json_ld(image)
        return data


def image_json_ld(image):
    """Absolute URL of `image` for schema.org `image`.

    The same rendition as the Open Graph image (includes/meta.html), which
    the page has just made or fetched: no extra file, no extra query.
    """
    return absolute_url(image.get_rendition("fill-1200x630|format-jpeg").url)


def tabbed(content, extra=None, extra_heading=None):
    """Every page editor's tabs: 内容, an optional second tab, 推广与SEO and 设置."""
    tabs = [ObjectList(content, heading=_("内容"))]
    if extra:
        tabs.append(ObjectList(extra, heading=extra_heading))
    tabs += [
        ObjectList(PageMetaMixin.promote_panels, heading=_("推广与SEO")),
        ObjectList(Page.settings_panels, heading=_("设置")),
    ]
    return TabbedInterface(tabs)
