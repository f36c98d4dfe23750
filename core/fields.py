"""Model fields the content apps declare alike.

`ChoiceListField` stores "pick any of these" choices so that they filter on
SQLite and PostgreSQL alike; the factories below build the fields several
page types share, so that each is worded and configured in one place.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.fields import StreamField

from core.geo import LATITUDE_VALIDATORS, LONGITUDE_VALIDATORS
from core.localize import source_locale_only


def choice_labels(choices, values):
    """The labels of `values`, codes of the TextChoices `choices`, in the active language;
    a code no longer among the choices is left out."""
    labels = dict(choices.choices)
    return [labels[value] for value in values if value in labels]


class ChoiceListField(models.CharField):
    """Several values from `choices`, stored as ",a,b," in one column.

    A JSON list cannot be searched with `contains` on SQLite, and a separate
    table per list would cost a query per listing; the delimiters make
    `field__contains=",a,"` (see `choice_filter`) an exact token match on
    every database.
    """

    description = _("多选项")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None:
            return []
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        return [v for v in str(value).split(",") if v]

    def get_prep_value(self, value):
        # Lookups pass an already-delimited token (",a,") through unchanged.
        if isinstance(value, str):
            return value
        values = self.to_python(value)
        return f",{','.join(values)}," if values else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
        allowed = {str(key) for key, _label in self.flatchoices}
        unknown = [v for v in value if v not in allowed]
        if unknown:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": ", ".join(unknown)},
            )

    def run_validators(self, value):
        # The length limit applies to the stored string, not to the list.
        super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            **{k: v for k, v in kwargs.items() if k in ("label", "help_text", "widget")},
        )


def choice_filter(field_name, value):
    """Filter kwargs matching rows whose ChoiceListField `field_name` holds `value`."""
    return {f"{field_name}__contains": f",{value},"}


def optional_link(to, verbose_name, help_text, related_name="+"):
    """An optional link to `to`, emptied (not cascaded) when its target is deleted."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )


BANNER_IMAGE_HELP = _("横幅图片，至少 1600×900；替代文本取自图片的“描述”。")
CARD_SUMMARY_HELP = _("一两句话，显示在卡片和分享预览中。")


def image_field(help_text=BANNER_IMAGE_HELP, verbose_name=None):
    """An optional image ("主图" unless named); alt text comes from the image's description."""
    return optional_link("wagtailimages.Image", verbose_name or _("主图"), help_text)


def image_alt_field():
    """The alt text of a page's main image on this page, translated with the page.

    One image serves both languages, so its own description can speak only one
    of them; this field goes through wagtail-localize like the page's other texts.
    """
    return models.CharField(
        _("图片替代文本"),
        max_length=250,
        blank=True,
        help_text=_("向看不到图片的读者说明图片内容，随页面一起翻译；留空时使用图片的“描述”。"),
    )


def summary_field(help_text=CARD_SUMMARY_HELP):
    """The one or two sentences a card and a share preview show."""
    return models.TextField(_("摘要"), max_length=300, help_text=help_text)


def coordinate_fields(latitude_help, longitude_help, required=True):
    """(latitude, longitude) in WGS-84 degrees, as a pair of DecimalFields."""
    return (
        _degrees_field(_("纬度"), LATITUDE_VALIDATORS, latitude_help, required),
        _degrees_field(_("经度"), LONGITUDE_VALIDATORS, longitude_help, required),
    )


def _degrees_field(verbose_name, validators, help_text, required):
    optional = {} if required else {"null": True, "blank": True}
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        validators=validators,
        help_text=help_text,
        **optional,
    )


def related_pages_field(choosers, max_num, verbose_name, help_text):
    """A short, ordered list of pages to suggest at the foot of a page.

    `choosers` is a list of (block name, page type, label, help text): one
    stream lets editors mix page types in a single order.
    """
    return StreamField(
        [
            (name, blocks.PageChooserBlock(page_type=page_type, label=label, help_text=block_help))
            for name, page_type, label, block_help in choosers
        ],
        blank=True,
        max_num=max_num,
        verbose_name=verbose_name,
        help_text=help_text,
    )


def source_snippets(to, verbose_name, related_name, help_text, blank=True):
    """Snippets chosen among the source-language ones; every translation shares the choice.

    Pair it with a SynchronizedField in the page's override_translatable_fields.
    """
    return ParentalManyToManyField(
        to,
        verbose_name=verbose_name,
        blank=blank,
        related_name=related_name,
        limit_choices_to=source_locale_only,
        help_text=help_text,
    )
