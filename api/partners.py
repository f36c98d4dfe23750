"""Partner servers: a key of their own instead of being one more address.

A partner's server books for many schools from one address, so the
per-address limit of the web forms would soon refuse it. Keys are configured
in the environment (`API_PARTNER_KEYS`, name=key pairs) and sent as
`Authorization: Bearer <key>` or `X-Api-Key: <key>`; with one, the partner's
own limit (`API_PARTNER_RATE`) replaces the address's. A request without a
key is anonymous, as a mini-program's is; a wrong key is refused, not
quietly taken as anonymous, so that a partner notices a mistyped key.
"""

from django.conf import settings
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext
from ninja.security import APIKeyHeader, HttpBearer

from .common import use_language

DESCRIPTION = (
    "Optional. A partner's server sends the key the site's staff gave it; its requests then "
    "count against the partner's own limit instead of its address's. A wrong key is 401."
)


class KeyRefused(Exception):
    """A key was sent and is not one of ours."""


def partner_for(request, key):
    """The name of the partner whose key this is; None when no key was sent."""
    if not key:
        return None
    for name, known in settings.API_PARTNER_KEYS.items():
        if constant_time_compare(key, known):
            return name
    use_language(request)
    raise KeyRefused(gettext("API 密钥无效。请检查密钥，或不带密钥匿名提交。"))


class PartnerBearer(HttpBearer):
    openapi_description = DESCRIPTION

    def authenticate(self, request, token):
        return partner_for(request, token)


class PartnerKeyHeader(APIKeyHeader):
    param_name = "X-Api-Key"
    openapi_description = DESCRIPTION

    def authenticate(self, request, key):
        return partner_for(request, key)


def anonymous(request):
    """No key: a member of the public, as through the web forms."""
    return True


#: The `auth` of the request endpoints: a partner's key, either way, or none.
PARTNER_OR_ANONYMOUS = [PartnerBearer(), PartnerKeyHeader(), anonymous]


def partner_of(request):
    """The partner that sent this request, or "" for the public."""
    return request.auth if isinstance(request.auth, str) else ""
