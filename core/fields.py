"""A model field for "pick any of these" choices that filters on SQLite and PostgreSQL alike."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


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
