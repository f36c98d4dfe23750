"""Machinery shared by every public request of the education app.

A "public request" is something a member of the public sends without an
account and staff answer later: a school's study-tour booking, a cadre
training enquiry. Each one needs the same guarantees, built here once:

- `PublicRequest`: an abstract model with a reference people can read out on
  the phone, contact details, PIPL consent, language, an idempotency key,
  timestamps and staff-only notes;
- `PublicRequestForm`: a ModelForm base with a honeypot, the idempotency
  token and the consent checkbox, and `PhoneField` for Chinese and foreign
  phone numbers;
- `PublicRequestHandler`: the GET/POST flow of a public form: per-IP rate
  limit (429), honeypot, replay of a resubmitted form, an apology instead of
  a 500 on a database error, notification emails, redirect to the signed page;
- `send_notification`: multipart (text + HTML) emails rendered in a language;
- signed links (`PublicRequest.signed_token` / `get_by_token`) for the
  requester's own page, with no account.

The admin side (listing, filters, CSV/Excel export, status actions) is in
education/admin_views.py.
"""

import logging
import re
import secrets
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import DatabaseError, IntegrityError, models, transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)

# Read out on the phone and typed from a printout: no 0/O, 1/I/L, or U/V.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
REFERENCE_LENGTH = 6

# Mainland mobiles: 11 digits from 13x to 19x, optionally written with +86.
MAINLAND_MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
# Landlines: area code 0xx or 0xxx, then 7 or 8 digits, optional extension.
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$")
# Other countries: + and 7 to 15 digits (E.164).
INTERNATIONAL = re.compile(r"^\+[1-9]\d{6,14}$")
PHONE_SEPARATORS = re.compile(r"[\s()（）.]")

#: How long a signed link to a requester's own page stays valid.
SIGNED_LINK_MAX_AGE = 60 * 60 * 24 * 365
# A real token is about 90 characters; anything much longer is not worth decoding.
MAX_TOKEN_LENGTH = 200


def new_reference(prefix):
    """A reference such as YX-26-7K3Q9P: prefix, year, six unguessable characters."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(REFERENCE_LENGTH))
    return f"{prefix}-{timezone.localdate():%y}-{code}"


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


class PublicRequest(models.Model):
    """Fields and behaviour common to every request sent from a public form.

    Subclasses set `reference_prefix` and `signing_salt`, add their own
    fields (and a `status`), and implement `get_public_url()`.
    """

    reference_prefix = "RQ"
    signing_salt = "education.request"

    reference = models.CharField(
        _("编号"),
        max_length=20,
        unique=True,
        editable=False,
        help_text=_("自动生成，便于电话沟通，例如 YX-26-7K3Q9P。"),
    )
    contact_name = models.CharField(
        _("联系人"), max_length=60, help_text=_("负责此次申请的联系人姓名。")
    )
    contact_role = models.CharField(
        _("职务"), max_length=60, blank=True, help_text=_("例如“年级组长”“德育主任”。")
    )
    phone = models.CharField(
        _("联系电话"),
        max_length=30,
        help_text=_("手机号、带区号的固定电话或以 + 开头的国际号码。"),
    )
    email = models.EmailField(_("电子邮箱"), help_text=_("确认邮件和管理链接发送到此邮箱。"))
    consent = models.BooleanField(
        _("同意处理个人信息"),
        default=False,
        help_text=_("依据《个人信息保护法》，提交前须同意为办理本次申请处理所填个人信息。"),
    )
    language = models.CharField(
        _("提交语言"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("申请提交时所用的语言；发给申请人的邮件使用该语言。"),
    )
    idempotency_key = models.UUIDField(
        _("防重复提交令牌"),
        unique=True,
        default=uuid.uuid4,
        editable=False,
        help_text=_("表单中的一次性令牌：重复点击或重新提交只会产生一条记录。"),
    )
    created_at = models.DateTimeField(
        _("提交时间"), auto_now_add=True, help_text=_("申请提交的时间。")
    )
    updated_at = models.DateTimeField(
        _("更新时间"), auto_now=True, help_text=_("最近一次修改的时间。")
    )
    staff_notes = models.TextField(
        _("内部备注"),
        blank=True,
        max_length=4000,
        help_text=_("仅工作人员可见，申请人看不到。"),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if self.reference:
            return super().save(*args, **kwargs)
        # A collision among 29^6 codes a year is rare but not impossible.
        for _attempt in range(5):
            self.reference = new_reference(self.reference_prefix)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not type(self)._default_manager.filter(reference=self.reference).exists():
                    raise
        raise IntegrityError("Could not find a free reference.")

    # Signed links ---------------------------------------------------------

    @classmethod
    def _signer(cls):
        return signing.TimestampSigner(salt=cls.signing_salt)

    def signed_token(self):
        r"""The signed, timestamped reference, as URL-path-safe base64.

        Wagtail serves only [\w-] path segments, so the signer's ":"
        separators are wrapped in urlsafe base64.
        """
        signed = self._signer().sign(self.reference)
        return signing.b64_encode(signed.encode()).decode()

    @classmethod
    def get_by_token(cls, token, queryset=None):
        """The request a signed link points to, or None if tampered with or expired."""
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        try:
            signed = signing.b64_decode(token.encode()).decode()
            reference = cls._signer().unsign(signed, max_age=SIGNED_LINK_MAX_AGE)
        except (signing.BadSignature, ValueError):
            # BadSignature covers SignatureExpired; ValueError covers bad
            # base64 (binascii.Error) and bytes that are not UTF-8.
            return None
        queryset = queryset if queryset is not None else cls._default_manager.all()
        return queryset.filter(reference=reference).first()


class PublicRequestForm(forms.ModelForm):
    """Base of public request forms: honeypot, idempotency token and consent.

    Subclasses list their model fields in Meta.fields; the three fields here
    are added automatically (consent must be in Meta.fields).
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and "idempotency_key" not in self.initial:
            self.initial["idempotency_key"] = uuid.uuid4()
        if "consent" in self.fields:
            self.fields["consent"].required = True
            self.fields["consent"].error_messages["required"] = _(
                "请阅读并同意个人信息处理说明，否则我们无法处理您的申请。"
            )

    def is_spam(self):
        return bool(self.cleaned_data.get(self.honeypot_field_name))

    def save(self, commit=True):
        self.instance.idempotency_key = self.cleaned_data["idempotency_key"]
        self.instance.language = translation.get_language() or settings.LANGUAGE_CODE
        return super().save(commit=commit)


# Rate limit ---------------------------------------------------------------


def request_rate(_group, _request):
    """Accepted public requests per IP: a school sends a few, a bot many."""
    return getattr(settings, "EDUCATION_REQUEST_RATE", "5/h")


def is_over_rate_limit(request, group):
    """Count this submission against the sender's IP and say if it is one too many."""
    return is_ratelimited(
        request, group=group, key="ip", rate=request_rate, method="POST", increment=True
    )


# Emails -------------------------------------------------------------------


def staff_recipients(address=""):
    return [address or settings.STAFF_NOTIFICATION_EMAIL]


def send_notification(template, context, to, language, attachments=(), reply_to=None):
    """Send `<template>_subject.txt`, `.txt` and `.html` rendered in `language`.

    Returns True once sent. A failing mail server must not undo or hide a
    request that is already saved, so errors are logged, not raised.
    """
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=to,
        reply_to=reply_to,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the email %s to %s", template, to)
        return False
    return True


# The public form flow -------------------------------------------------------


class RequestRefused(Exception):
    """Raised by `PublicRequestHandler.create` when the request cannot be accepted.

    `field` names the form field the message belongs to (None: the whole form);
    other keyword arguments go to the template context.
    """

    def __init__(self, message, field=None, **context):
        super().__init__(message)
        self.message = message
        self.field = field
        self.context = context


class PublicRequestHandler:
    """The GET/POST flow of a public request form; subclass per request type.

    Subclasses set `model`, `form_class`, `template_name`, `rate_limit_group`
    and implement `create(form)` (save and return the request, or raise
    RequestRefused) and `notify(obj)`. The successful POST redirects to
    `obj.get_public_url()`, the requester's signed page.
    """

    model = None
    form_class = None
    template_name = None
    rate_limit_group = None

    def __init__(self, request, context=None, form_kwargs=None):
        self.request = request
        self.context = context or {}
        self.form_kwargs = form_kwargs or {}

    def get_form(self):
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **self.form_kwargs)
        return self.form_class(**self.form_kwargs)

    def create(self, form):
        raise NotImplementedError

    def notify(self, obj):
        raise NotImplementedError

    def render(self, form, status=200, **extra):
        return render(
            self.request,
            self.template_name,
            {**self.context, "form": form, **extra},
            status=status,
        )

    def replay(self, form):
        """The request this very form already created (double click, resubmission)."""
        key = form.cleaned_data["idempotency_key"]
        return self.model._default_manager.filter(idempotency_key=key).first()

    def handle(self):
        form = self.get_form()
        if self.request.method != "POST" or not form.is_valid():
            return self.render(form, status=200 if not form.is_bound else 400)
        if existing := self.replay(form):
            return redirect(existing.get_public_url())
        if is_over_rate_limit(self.request, self.rate_limit_group):
            return self.render(form, status=429, rate_limited=True)
        if form.is_spam():
            return self.render(form, status=400, rejected=True)
        try:
            obj = self.create(form)
        except RequestRefused as refusal:
            form.add_error(refusal.field, refusal.message)
            return self.render(form, status=409, **refusal.context)
        except IntegrityError:
            # Two clicks raced past `replay`; the unique key kept one request.
            if existing := self.replay(form):
                return redirect(existing.get_public_url())
            return self.apologise(form)
        except DatabaseError:
            return self.apologise(form)
        self.notify(obj)
        return redirect(obj.get_public_url())

    def apologise(self, form):
        logger.exception("A public request could not be saved")
        form.add_error(
            None,
            gettext("抱歉，系统暂时无法保存您的申请，您填写的内容都还在，请稍后再提交一次。"),
        )
        return self.render(form, status=503, apology=True)
