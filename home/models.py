from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.cache import CachedSetting
from core.cards import list_block_ids, localized_cards
from core.editorial.pages import EditorialPage
from core.fields import image_alt_field, image_field, optional_link
from core.seo import PageMetaMixin, tabbed

from .blocks import FeaturedSectionBlock


class HomePage(EditorialPage, PageMetaMixin, Page):
    """The front page of one locale: hero, featured sections and a call to action."""

    hero_image = image_field(
        _("宽幅图片，建议至少 1600×800 像素；替代文本取自图片的“描述”。"), _("主视觉图片")
    )
    image_alt = image_alt_field()
    hero_heading = models.CharField(
        _("主标题"),
        max_length=120,
        help_text=_("首页最醒目的一句话，例如“延安精神永放光芒”。"),
    )
    hero_intro = models.TextField(
        _("导语"),
        max_length=400,
        blank=True,
        help_text=_("主标题下的一两句介绍。"),
    )
    body = RichTextField(
        _("正文"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("介绍延安—无锡对口合作的短文。"),
    )
    sections = StreamField(
        [("featured", FeaturedSectionBlock())],
        blank=True,
        verbose_name=_("精选栏目"),
        help_text=_("首页上依次展示的栏目：精品线路、研学基地、培训项目、合作产品等。"),
    )
    cta_heading = models.CharField(
        _("行动号召标题"),
        max_length=120,
        blank=True,
        help_text=_("页面底部的号召语，例如“带上学生，走进延安”。"),
    )
    cta_text = models.TextField(
        _("行动号召说明"),
        max_length=400,
        blank=True,
        help_text=_("号召语下的一句说明。"),
    )
    cta_page = optional_link("wagtailcore.Page", _("行动号召链接"), _("号召按钮指向的页面。"))
    cta_label = models.CharField(
        _("按钮文字"), max_length=40, blank=True, help_text=_("号召按钮上的文字。")
    )

    card_image_field = "hero_image"
    parent_page_types = ["wagtailcore.Page"]

    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("image_alt"),
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
            ],
            heading=_("主视觉"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("cta_heading"),
                FieldPanel("cta_text"),
                PageChooserPanel("cta_page"),
                FieldPanel("cta_label"),
            ],
            heading=_("行动号召"),
        ),
    ]
    featured_panels = [FieldPanel("sections")]
    edit_handler = tabbed(content_panels, featured_panels, _("精选"))

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = pgettext_lazy("plural", "首页")

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        data["@type"] = "WebSite"
        return data

    def get_card_summary(self):
        return self.search_description or self.hero_intro

    def featured_content(self):
        """The featured sections (dicts with `cards`) and the call to action's page, in this language.

        Page ids are read from the raw stream data, so that the choosers do not
        fetch every page one by one: all cards come from one bulk lookup, and
        the sections' links and the call to action's page from another.
        """
        sections = [
            {**block["value"], "pages": list_block_ids(block["value"].get("pages", []))}
            for block in self.sections.raw_data
            if block["type"] == "featured"
        ]
        cards = localized_cards([pid for s in sections for pid in s["pages"]], self.locale)
        link_ids = [s.get("link_page") for s in sections if s.get("link_page")]
        links = localized_cards(
            [*link_ids, self.cta_page_id] if self.cta_page_id else link_ids,
            self.locale,
            as_cards=False,
        )
        return {
            "sections": [
                {
                    "heading": s.get("heading", ""),
                    "intro": s.get("intro", ""),
                    "cards": [cards[pid] for pid in s["pages"] if pid in cards],
                    "link_page": links.get(s.get("link_page")),
                }
                for s in sections
            ],
            # Like a card, left out where the page is not translated yet.
            "cta_link": links.get(self.cta_page_id),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.featured_content())
        return context


@register_setting(icon="site")
class SiteSettings(CachedSetting, BaseSiteSetting):
    """Contact details, filing numbers and share defaults shown on every page.

    wagtail-localize translates pages and snippets but not settings, so each
    text that visitors read has a Chinese field and an English field; the
    templates pick by the active language (see `localized`).
    """

    organisation_name = models.CharField(
        _("机构名称（中文）"), max_length=120, help_text=_("页脚显示的主办机构名称。")
    )
    organisation_name_en = models.CharField(
        _("机构名称（英文）"),
        max_length=160,
        blank=True,
        help_text=_("英文页面显示的机构名称；留空则显示中文名称。"),
    )
    address = models.CharField(
        _("地址（中文）"), max_length=200, blank=True, help_text=_("联系地址。")
    )
    address_en = models.CharField(
        _("地址（英文）"),
        max_length=240,
        blank=True,
        help_text=_("英文页面显示的地址；留空则显示中文地址。"),
    )
    hotline = models.CharField(
        _("服务热线"),
        max_length=40,
        blank=True,
        help_text=_("例如 0911-1234567；页脚中可直接点击拨打。"),
    )
    email = models.EmailField(_("联系邮箱"), blank=True, help_text=_("公众咨询邮箱。"))
    wechat_qr_code = image_field(
        _("正方形图片；替代文本由机构名称生成，两种语言各自显示。"), _("微信公众号二维码")
    )
    weibo_url = models.URLField(
        _("微博链接"), blank=True, help_text=_("官方微博主页地址，以 https:// 开头。")
    )
    icp_number = models.CharField(
        _("ICP备案号"),
        max_length=60,
        blank=True,
        help_text=_("在中国大陆托管的网站必须在页脚显示，例如“陕ICP备12345678号-1”。"),
    )
    public_security_number = models.CharField(
        _("公安备案号"),
        max_length=60,
        blank=True,
        help_text=_("例如“陕公网安备 61060202000123号”；号码中的数字用于生成查询链接。"),
    )
    default_share_image = image_field(
        _("页面本身没有图片时，微信、微博等分享卡片使用的图片（建议 1200×630）。"),
        _("默认分享图片"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("organisation_name_en"),
                FieldPanel("address"),
                FieldPanel("address_en"),
            ],
            heading=_("机构"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotline"),
                FieldPanel("email"),
                FieldPanel("wechat_qr_code"),
                FieldPanel("weibo_url"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("public_security_number")],
            heading=_("备案信息"),
        ),
        FieldPanel("default_share_image"),
    ]

    select_related = ["wechat_qr_code", "default_share_image"]

    class Meta:
        verbose_name = _("站点设置")
        verbose_name_plural = pgettext_lazy("plural", "站点设置")

    def localized(self, field_name):
        """The English value of a text field on English pages, if an editor gave one."""
        if get_language() == "en":
            return getattr(self, f"{field_name}_en") or getattr(self, field_name)
        return getattr(self, field_name)

    @property
    def display_organisation_name(self):
        return self.localized("organisation_name")

    @property
    def display_address(self):
        return self.localized("address")

    @property
    def public_security_code(self):
        """The digits of the public security filing number, for the query link."""
        return "".join(ch for ch in self.public_security_number if ch.isdigit())
