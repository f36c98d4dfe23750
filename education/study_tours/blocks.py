from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from education.study_tours.choices import AgeBand


class CourseBlock(blocks.StructBlock):
    """A course a study base offers; sessions name one of them."""

    title = blocks.CharBlock(
        max_length=80, label=_("课程名称"), help_text=_("例如“南泥湾大生产体验”。")
    )
    hours = blocks.DecimalBlock(
        min_value=0.5,
        max_value=100,
        decimal_places=1,
        label=_("课时（小时）"),
        help_text=_("课程总时长，以小时计，例如 3 或 4.5。"),
    )
    age_bands = blocks.MultipleChoiceBlock(
        choices=AgeBand.choices,
        label=_("适合年龄段"),
        help_text=_("课程适合的学段，可多选。"),
    )
    outcomes = blocks.ListBlock(
        blocks.CharBlock(max_length=160, label=_("学习目标")),
        label=_("学习目标"),
        help_text=_("学生完成课程后能做到什么，每条一句。"),
    )
    description = blocks.RichTextBlock(
        features=["bold", "italic", "ul", "ol", "link"],
        label=_("课程介绍"),
        help_text=_("课程内容与安排。"),
    )

    class Meta:
        icon = "doc-full"
        label = _("课程")
        template = "education/blocks/course.html"


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("图片"), help_text=_("替代文本取自图片的“描述”，请写清画面内容。")
    )
    caption = blocks.CharBlock(
        max_length=120, required=False, label=_("图注"), help_text=_("显示在图片下方的说明。")
    )

    class Meta:
        icon = "image"
        label = _("图片")
