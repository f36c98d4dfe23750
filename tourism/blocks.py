"""StreamField blocks of red sites, routes and offerings."""

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES, ContentImageBlock

from .choices import Meal


class FigureBlock(blocks.StructBlock):
    image = ContentImageBlock(
        label=_("图片"),
        help_text=_("请填写替代文本，向看不到图片的读者说明图片内容；纯装饰图片可勾选“装饰性”。"),
    )
    caption = blocks.CharBlock(
        required=False, max_length=200, label=_("图片说明"), help_text=_("显示在图片下方。")
    )

    class Meta:
        icon = "image"
        label = _("图片")
        template = "tourism/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("引文"), help_text=_("引用的原话。"))
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("出处"),
        help_text=_("说话人或出处，例如“毛泽东《为人民服务》，1944年”。"),
    )

    class Meta:
        icon = "openquote"
        label = _("引文")
        template = "tourism/blocks/quote.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        required=False, max_length=80, label=_("标题"), help_text=_("可选的图集标题。")
    )
    images = blocks.ListBlock(
        FigureBlock(),
        min_num=2,
        max_num=24,
        label=_("图片"),
        help_text=_("二至二十四张图片，按顺序展示。"),
    )

    class Meta:
        icon = "image"
        label = _("图集")
        template = "tourism/blocks/gallery.html"


def historic_date(value, precision):
    """A date shown only as precisely as the historian knows it: 1937, 1937-01 or the day."""
    formats = {"year": "Y", "month": "YEAR_MONTH_FORMAT", "day": "DATE_FORMAT"}
    fmt = formats.get(precision, "DATE_FORMAT")
    if not value:
        return ""
    if fmt == "Y":
        return gettext("%(year)d年") % {"year": value.year}
    return date_format(value, fmt)


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.DateBlock(
        label=_("日期"), help_text=_("只知道年份或月份时，填该年或该月的第一天。")
    )
    precision = blocks.ChoiceBlock(
        choices=[("year", _("年")), ("month", _("年月")), ("day", _("年月日"))],
        default="year",
        label=_("精确到"),
        help_text=_("页面上显示的日期精度。"),
    )
    title = blocks.CharBlock(max_length=120, label=_("事件"), help_text=_("一句话概括。"))
    text = blocks.TextBlock(required=False, label=_("说明"), help_text=_("可选的补充说明。"))

    def get_searchable_content(self, value):
        # As the timeline reads ("1942年5月 延安文艺座谈会召开"), not as its
        # fields: the date kept, the precision's label ("年月") left out.
        event = " ".join(
            filter(None, [historic_date(value["date"], value["precision"]), value["title"]])
        )
        return [text for text in (event, value["text"]) if text]

    class Meta:
        icon = "date"
        label = _("事件")


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        required=False, max_length=80, label=_("标题"), help_text=_("例如“历史沿革”。")
    )
    events = blocks.ListBlock(
        TimelineEventBlock(), min_num=1, label=_("事件"), help_text=_("按时间先后排列。")
    )

    class Meta:
        icon = "history"
        label = _("历史时间线")
        template = "tourism/blocks/timeline.html"


class SiteBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("正文"), help_text=_("段落、小标题和列表。")
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    timeline = TimelineBlock()


class StopBlock(blocks.StructBlock):
    """A visit in a day of a route: a red site, when, and what to know."""

    site = blocks.PageChooserBlock(
        page_type="tourism.RedSitePage",
        label=_("景点"),
        help_text=_("选择中文景点页面；英文页面会自动显示对应的英文景点。"),
    )
    time = blocks.TimeBlock(
        required=False, label=_("时间"), help_text=_("大致到达时间，例如 09:00。")
    )
    note = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("提示"),
        help_text=_("例如“参观约两小时”或“需提前预约”。"),
    )

    class Meta:
        icon = "site"
        label = _("站点")


class DayBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120, label=_("当日标题"), help_text=_("例如“宝塔山与杨家岭”。")
    )
    description = blocks.TextBlock(
        required=False, label=_("当日介绍"), help_text=_("一两段文字介绍当天的安排。")
    )
    stops = blocks.ListBlock(
        StopBlock(), min_num=1, label=_("站点"), help_text=_("按参观顺序排列；路线图按此顺序编号。")
    )
    meals = blocks.MultipleChoiceBlock(
        choices=Meal.choices,
        required=False,
        label=_("含餐"),
        help_text=_("当天费用包含的餐食。"),
    )
    overnight = blocks.CharBlock(
        required=False,
        max_length=60,
        label=_("住宿城市"),
        help_text=_("当晚住宿地，例如“延安市区”；最后一天可留空。"),
    )

    class Meta:
        icon = "calendar"
        label = _("一天")


class ItineraryBlock(blocks.StreamBlock):
    day = DayBlock()


#: Page choosers of the "related" streams (core.fields.related_pages_field).
ROUTE_CHOOSER = ("route", "tourism.RoutePage", _("线路"), _("相关线路。"))
SITE_CHOOSER = ("site", "tourism.RedSitePage", _("景点"), _("相关景点。"))
