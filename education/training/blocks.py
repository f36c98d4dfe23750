"""Blocks of a cadre training programme: two stages (Yan'an, then Wuxi) of ordered modules."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from core.choices import City
from core.localize import enumeration

#: The two-stage model of the cooperation plan: Party-spirit tempering in
#: Yan'an first, capability improvement in Wuxi second.
STAGE_CITIES = [City.YANAN, City.WUXI]


def stage_order_error(cities):
    """The message when the stages are not Yan'an then Wuxi, else None."""
    if list(cities) != STAGE_CITIES:
        return _("培训分两个阶段：第一阶段须在延安，第二阶段须在无锡。")
    return None


def late_modules_error(days, modules):
    """The message when modules are planned after the last day of their stage, else None."""
    late = [module["title"] for module in modules if (module.get("day") or 1) > days]
    if late:
        return _("本阶段共 %(days)s 天，但这些模块排在之后：%(titles)s。") % {
            "days": days,
            "titles": enumeration(late),
        }
    return None


class ModuleFormat(models.TextChoices):
    ON_SITE = "on_site", _("红色现场教学")
    LECTURE = "lecture", _("专题讲座")
    CASE_STUDY = "case_study", _("案例教学")
    EXPERIENTIAL = "experiential", _("体验式教学")
    SEMINAR = "seminar", _("研讨交流")
    FIELD_VISIT = "field_visit", _("现场考察")


class ModuleBlock(blocks.StructBlock):
    day = blocks.IntegerBlock(
        min_value=1,
        max_value=30,
        label=_("第几天"),
        help_text=_("本阶段的第几天，例如 1；不能超过本阶段天数。"),
    )
    title = blocks.CharBlock(
        max_length=100, label=_("模块名称"), help_text=_("例如“枣园：为人民服务的初心”。")
    )
    format = blocks.ChoiceBlock(
        choices=ModuleFormat.choices,
        default=ModuleFormat.LECTURE,
        label=_("教学形式"),
        help_text=_("现场教学、讲座、案例、体验、研讨或考察。"),
    )
    hours = blocks.DecimalBlock(
        min_value=0.5,
        max_value=12,
        decimal_places=1,
        label=_("学时"),
        help_text=_("以小时计，例如 3 或 1.5。"),
    )
    red_site = blocks.PageChooserBlock(
        page_type="tourism.RedSitePage",
        required=False,
        label=_("教学地点（红色景点）"),
        help_text=_("现场教学所在的红色景点；英文页面自动链接到景点的英文版。"),
    )
    description = blocks.TextBlock(
        max_length=300,
        label=_("简介"),
        help_text=_("一两句话说明学员做什么、学到什么。"),
    )

    class Meta:
        icon = "doc-full"
        label = _("教学模块")


class StageBlock(blocks.StructBlock):
    city = blocks.ChoiceBlock(
        choices=City.choices,
        label=_("城市"),
        help_text=_("第一阶段在延安（党性锻炼），第二阶段在无锡（能力提升）。"),
    )
    title = blocks.CharBlock(
        max_length=60, label=_("阶段名称"), help_text=_("例如“延安党性锻炼”。")
    )
    days = blocks.IntegerBlock(
        min_value=1, max_value=30, label=_("天数"), help_text=_("本阶段的培训天数。")
    )
    institutions = blocks.ListBlock(
        SnippetChooserBlock("tourism.Partner", label=_("承办机构")),
        label=_("承办机构"),
        help_text=_("提供本阶段教学的机构，例如中国延安干部学院、江南大学。"),
    )
    modules = blocks.ListBlock(
        ModuleBlock(),
        min_num=1,
        label=_("教学模块"),
        help_text=_("按上课顺序排列。"),
    )

    class Meta:
        icon = "date"
        label = _("培训阶段")

    def clean(self, value):
        value = super().clean(value)
        if message := late_modules_error(value["days"], value["modules"]):
            raise StructBlockValidationError(block_errors={"days": ValidationError(message)})
        return value


class StagesBlock(blocks.StreamBlock):
    stage = StageBlock()

    class Meta:
        min_num = 2
        max_num = 2

    def clean(self, value):
        value = super().clean(value)
        if message := stage_order_error(child.value["city"] for child in value):
            raise StreamBlockValidationError(non_block_errors=ValidationError(message))
        return value
