"""What every tourism page type shares: tabs and stream helpers."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page

from home.seo import PageMetaMixin


def tabbed(content, extra=None, extra_heading=None):
    """The editor's tabs: 内容, an optional second tab, 推广与SEO and 设置."""
    tabs = [ObjectList(content, heading=_("内容"))]
    if extra:
        tabs.append(ObjectList(extra, heading=extra_heading))
    tabs += [
        ObjectList(PageMetaMixin.promote_panels, heading=_("推广与SEO")),
        ObjectList(Page.settings_panels, heading=_("设置")),
    ]
    return TabbedInterface(tabs)


def stream_page_ids(stream, block_type, key=None):
    """Page ids chosen in a StreamField, read from raw data without loading the pages.

    `key` names the struct child holding the id; without it the block itself is
    the page chooser.
    """
    ids = []
    for block in stream.raw_data:
        if block["type"] != block_type:
            continue
        value = block["value"] if key is None else (block["value"] or {}).get(key)
        if value:
            ids.append(value)
    return ids


def image_json_ld(image, request):
    """Absolute URL of `image` for schema.org `image`.

    The same rendition as the Open Graph image (includes/meta.html), so that
    no extra file is made for it.
    """
    if image is None:
        return None
    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    return request.build_absolute_uri(rendition.url)
