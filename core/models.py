"""What tourism page types share: the listing page base, stream and JSON-LD helpers."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.seo import PageMetaMixin, tabbed


class TourismIndexPage(PageMetaMixin, Page):
    """A listing of one page type, once under each home page, with an intro."""

    intro = RichTextField(
        _("导语"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("列表上方的一段介绍。"),
    )

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = tabbed(content_panels)

    class Meta:
        abstract = True

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        data["@type"] = "CollectionPage"
        return data


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
