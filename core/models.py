"""What content page types share (the listing page base, stream and JSON-LD helpers), and
the record of every e-mail the site sends (OutgoingEmail, sent by core.mail)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from core.cards import attach_card_images
from core.editorial.pages import EditorialPage
from core.fields import image_alt_field, image_field
from core.filters import PER_PAGE, paginate
from core.localize import localize_relation
from core.routing import public
from core.seo import PageMetaMixin, tabbed


class ListingPage(EditorialPage, PageMetaMixin, Page):
    """The listing of one page type, once under each home page: intro, filters, cards, pages.

    Subclasses declare `parent_page_types` and `subpage_types` (one page type:
    the one listed), and may set `listing_order`, `filter_form_class` (a
    core.filters.ListingFilterForm), `per_page` and `card_snippets`, or override
    `get_listed_pages`, `get_filter_form_kwargs` and `prepare_cards` for what
    their cards show, and name their results (`results_heading`,
    `empty_message`, `card_template`). The template gets `listed_pages` (this page of results,
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
    #: What core/listing_page.html tells of the results: their name (for screen readers),
    #: the line shown when there are none, and the card (includes/card.html by default).
    results_heading = ""
    empty_message = ""
    card_template = None

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
        pages = public(model.objects.child_of(self).live()).order_by(*self.listing_order)
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


class OutgoingEmail(models.Model):
    """One e-mail, rendered when it was asked for and sent by the task queue (core.mail).

    Keeping the whole message means a retry sends exactly what the request
    wrote, whatever has changed since, and staff can see what failed to go.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("等待发送")
        SENT = "sent", _("已发送")
        FAILED = "failed", _("发送失败")

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        verbose_name=_("关于的记录类型"),
        help_text=_("邮件所关于的记录（预约、咨询）的类型。"),
    )
    object_id = models.PositiveBigIntegerField(
        _("关于的记录编号"), help_text=_("邮件所关于的记录的数据库编号。")
    )
    about = GenericForeignKey("content_type", "object_id")
    template = models.CharField(
        _("邮件模板"), max_length=120, help_text=_("渲染此邮件所用的模板，说明邮件的用途。")
    )
    to = models.JSONField(_("收件人"), help_text=_("收件地址列表。"))
    reply_to = models.JSONField(
        _("回复地址"), default=list, blank=True, help_text=_("收件人点击“回复”时使用的地址。")
    )
    subject = models.CharField(_("主题"), max_length=255, help_text=_("邮件主题。"))
    body = models.TextField(_("纯文本正文"), help_text=_("邮件的纯文本版本。"))
    html = models.TextField(_("HTML 正文"), blank=True, help_text=_("邮件的 HTML 版本。"))
    attachments = models.JSONField(
        _("附件"),
        default=list,
        blank=True,
        help_text=_("文本附件（如 .ics 日历文件）：文件名、内容与类型。"),
    )
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=Status.choices,
        default=Status.QUEUED,
        help_text=_("失败的邮件会按间隔重试，用尽次数后标为“发送失败”。"),
    )
    attempts = models.PositiveSmallIntegerField(
        _("尝试次数"), default=0, help_text=_("已尝试发送的次数。")
    )
    last_error = models.TextField(
        _("最近错误"), blank=True, help_text=_("最近一次发送失败时邮件服务器的回答。")
    )
    created_at = models.DateTimeField(
        _("创建时间"), auto_now_add=True, help_text=_("邮件排入队列的时间。")
    )
    sent_at = models.DateTimeField(
        _("发送时间"), null=True, blank=True, help_text=_("邮件服务器接收邮件的时间。")
    )

    class Meta:
        verbose_name = _("通知邮件")
        verbose_name_plural = pgettext_lazy("plural", "通知邮件")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self):
        return self.subject

    def recipients(self):
        return ", ".join(self.to)

    def about_display(self):
        """The booking or enquiry, by its reference (what staff quote on the phone)."""
        return str(self.about) if self.about is not None else "—"

    # The label of the admin's column and inspect field.
    about_display.short_description = _("关于")
