"""What content page types share: the listing page base, stream and JSON-LD helpers."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from core.cards import attach_card_images
from core.fields import image_alt_field, image_field
from core.filters import PER_PAGE, paginate
from core.localize import localize_relation
from core.seo import PageMetaMixin, tabbed


class ListingPage(PageMetaMixin, Page):
    """The listing of one page type, once under each home page: intro, filters, cards, pages.

    Subclasses declare `parent_page_types` and `subpage_types` (one page type:
    the one listed), and may set `listing_order`, `filter_form_class` (a
    core.filters.ListingFilterForm), `per_page` and `card_snippets`, or override
    `get_listed_pages`, `get_filter_form_kwargs` and `prepare_cards` for what
    their cards show. The template gets `listed_pages` (this page of results,
    cards ready), `page_obj`, `result_count`, `filter_form` and `is_filtered`.
    """

    intro = RichTextField(
        _("导语"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("列表上方的一段介绍。"),
    )
    image = image_field(_("分享卡片与列表封面，建议 1600×900。"), _("封面图片"))
    image_alt = image_alt_field()

    card_image_field = "image"
    max_count_per_parent = 1
    #: Order of the listed pages; the page tree order by default (as editors arrange it).
    listing_order = ["path"]
    #: A core.filters.ListingFilterForm subclass, or None for a listing without filters.
    filter_form_class = None
    #: Cards on one page of results; None lists everything on one page.
    per_page = PER_PAGE
    #: Snippet relations the cards show, in the listing's language: {relation: card attribute}.
    card_snippets = {}

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
    ]
    edit_handler = tabbed(content_panels)

    class Meta:
        abstract = True

    def get_card_summary(self):
        return self.search_description or get_text_for_indexing(self.intro)

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        data["@type"] = "CollectionPage"
        return data

    def get_listed_pages(self):
        """The live, public children of the listed page type, in listing order."""
        (model,) = self.specific_class.allowed_subpage_models()
        pages = model.objects.child_of(self).live().public().order_by(*self.listing_order)
        return pages.prefetch_related(*self.card_snippets)

    def get_filter_form_kwargs(self):
        """Choices the filter form needs beyond the query string (snippets in this language)."""
        return {}

    def get_filter_form(self, request):
        if self.filter_form_class is None:
            return None
        return self.filter_form_class(request.GET, **self.get_filter_form_kwargs())

    def prepare_cards(self, pages):
        """Fetch in bulk what the cards of `pages` show, so a long page costs no more queries."""
        attach_card_images(pages)
        for relation, attribute in self.card_snippets.items():
            localize_relation(pages, relation, self.locale, attribute)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.get_listed_pages()
        form = self.get_filter_form(request)
        if form is not None:
            pages = form.filter(pages)
        if self.per_page:
            page_obj = paginate(request, pages, self.per_page)
            listed, count = list(page_obj.object_list), page_obj.paginator.count
        else:
            page_obj = None
            listed = list(pages)
            count = len(listed)
        self.prepare_cards(listed)
        context.update(
            listed_pages=listed,
            page_obj=page_obj,
            result_count=count,
            filter_form=form,
            is_filtered=bool(form and form.active()),
        )
        return context


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
