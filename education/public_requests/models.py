"""The abstract public request: reference, contact, consent, language, signed link."""

import secrets
import uuid

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.origin import absolute_url

# Read out on the phone and typed from a printout: no 0/O, 1/I/L, or U/V.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"


REFERENCE_LENGTH = 6


#: How long a signed link to a requester's own page stays valid.
SIGNED_LINK_MAX_AGE = 60 * 60 * 24 * 365


# A real token is about 90 characters; anything much longer is not worth decoding.
MAX_TOKEN_LENGTH = 200


#: Who to contact about a request, in the order forms and listings show them.
CONTACT_FIELDS = ["contact_name", "contact_role", "phone", "email"]


def status_field(statuses, default, help_text):
    """Where a request stands; `statuses` is its TextChoices, `default` the status it arrives in."""
    return models.CharField(
        _("状态"), max_length=20, choices=statuses.choices, default=default, help_text=help_text
    )


def new_reference(prefix):
    """A reference such as YX-26-7K3Q9P: prefix, year, six unguessable characters."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(REFERENCE_LENGTH))
    return f"{prefix}-{timezone.localdate():%y}-{code}"


class PublicRequest(models.Model):
    """Fields and behaviour common to every request sent from a public form.

    Subclasses set `reference_prefix` and `signing_salt`, add their own
    fields (and a `status`), and implement `get_public_url()`, the signed
    link's path (e-mails carry `get_full_public_url()`), and `staff_email()`,
    the address of the staff who answer the request ("" for the site's).
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
    partner = models.CharField(
        _("经由合作方"),
        max_length=60,
        blank=True,
        editable=False,
        help_text=_(
            "通过合作方 API 密钥提交时为该合作方的名称（API_PARTNER_KEYS 中的名称）；"
            "网站表单或不带密钥的提交为空。"
        ),
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
        ordering = ["-created_at"]
        # The admin lists requests by status, newest first.
        indexes = [models.Index(fields=["status", "created_at"])]

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

    def get_full_public_url(self):
        return absolute_url(self.get_public_url())

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
