from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FeaturedSectionBlock(blocks.StructBlock):
    """A band of the home page: a heading and hand-picked pages shown as cards.

    Any page type can be featured; cards need only what every page provides
    through PageMetaMixin, so later page types appear here without change.
    """

    heading = blocks.CharBlock(max_length=80, label=_("栏目标题"), help_text=_("例如“精品线路”。"))
    intro = blocks.CharBlock(
        max_length=200,
        required=False,
        label=_("栏目导语"),
        help_text=_("标题下的一句说明。"),
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("页面")),
        min_num=1,
        max_num=12,
        label=_("精选页面"),
        help_text=_("按顺序展示；只显示已发布的页面，并自动换成访客所用语言的版本。"),
    )
    link_page = blocks.PageChooserBlock(
        required=False,
        label=_("“查看全部”链接"),
        help_text=_("栏目末尾“查看全部”指向的列表页。"),
    )

    class Meta:
        icon = "list-ul"
        label = _("精选栏目")
