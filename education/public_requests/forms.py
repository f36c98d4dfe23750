"""The public form base: honeypot, idempotency token, consent, phone numbers."""

import re
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Mainland mobiles: 11 digits from 13x to 19x, optionally written with +86.
MAINLAND_MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")


# Landlines: area code 0xx or 0xxx, then 7 or 8 digits, optional extension.
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$")


# Other countries: + and 7 to 15 digits (E.164).
INTERNATIONAL = re.compile(r"^\+[1-9]\d{6,14}$")


PHONE_SEPARATORS = re.compile(r"[\s()（）.]")


def normalize_phone(value):
    """The number as it is stored: separators dropped, a landline's dash kept.

    Raises ValidationError with a message that says what is accepted.
    """
    compact = PHONE_SEPARATORS.sub("", value or "")
    if match := MAINLAND_MOBILE.match(compact.replace("-", "")):
        return match.group(1)
    if compact.startswith("+86"):
        # +86 followed by anything but a mobile: a landline without its leading 0.
        compact = "0" + compact[3:].lstrip("-")
    if LANDLINE.match(compact):
        return compact
    if INTERNATIONAL.match(compact.replace("-", "")):
        return compact.replace("-", "")
    raise ValidationError(
        _(
            "请填写有效的电话号码：11 位手机号（如 13912345678）、"
            "带区号的固定电话（如 0911-1234567）或以 + 开头的国际号码。"
        ),
        code="invalid_phone",
    )


class PhoneInput(forms.TextInput):
    input_type = "tel"


class PhoneField(forms.CharField):
    """A phone number, normalised by `normalize_phone`."""

    widget = PhoneInput(attrs={"autocomplete": "tel"})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return normalize_phone(value) if value else value


class PublicRequestForm(forms.ModelForm):
    """Base of public request forms: honeypot, idempotency token and consent.

    Subclasses list their model fields in Meta.fields (with CONTACT_FIELDS and
    consent); the three fields here are added automatically. They name the
    field of the requesting organisation (`organisation_field`), which
    browsers autofill with the contact details, and word the consent to what
    is requested (`consent_label`).
    """

    #: A field people never see; bots that fill every input fill it too.
    website = forms.CharField(
        required=False,
        label=_("请勿填写此栏"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    phone = PhoneField(label=_("联系电话"), help_text=_("手机号、带区号的固定电话或国际号码。"))

    honeypot_field_name = "website"
    organisation_field = None
    consent_label = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and "idempotency_key" not in self.initial:
            self.initial["idempotency_key"] = uuid.uuid4()
        autocomplete = {
            self.organisation_field: "organization",
            "contact_name": "name",
            "contact_role": "organization-title",
            "email": "email",
        }
        for name, value in autocomplete.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = value
        if "consent" in self.fields:
            self.fields["consent"].required = True
            self.fields["consent"].error_messages["required"] = _(
                "请阅读并同意个人信息处理说明，否则我们无法处理您的申请。"
            )
            if self.consent_label:
                self.fields["consent"].label = self.consent_label

    def is_spam(self):
        return bool(self.cleaned_data.get(self.honeypot_field_name))

    def save(self, commit=True):
        self.instance.idempotency_key = self.cleaned_data["idempotency_key"]
        self.instance.language = translation.get_language() or settings.LANGUAGE_CODE
        return super().save(commit=commit)
