"""Blocks and editor settings that more than one content app uses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """Loads every image of a stream with its renditions in one go.

    Without this each image of a gallery costs one more query for its
    renditions, and a long page gets slower with every picture.
    """

    def bulk_to_python(self, values):
        objects = self.model_class.objects.prefetch_renditions().in_bulk(values)
        return [objects.get(pk) for pk in values]


class ContentImageBlock(ImageBlock):
    """An image with alt text required (or marked decorative), renditions prefetched."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        image = PrefetchingImageChooserBlock(required=required, label=_("图片"))
        image.set_name("image")
        self.child_blocks["image"] = image


class ListItemsBlock(blocks.StreamBlock):
    """A plain list (included / not included), one translatable segment per item."""

    item = blocks.CharBlock(max_length=200, label=_("条目"), help_text=_("一项内容。"))
