"""The address a request comes from, for rate limits: the one place that decides it.

Behind the production proxy every request reaches gunicorn from the proxy's
own address (REMOTE_ADDR), and the visitor's address is in a header the proxy
sets. Anyone who reaches gunicorn directly can send that header too, so it is
believed only when REMOTE_ADDR is one of `settings.TRUSTED_PROXIES`; then the
visitor is the `settings.PROXY_COUNT`-th address from the right of
`settings.CLIENT_IP_HEADER` (each proxy appends the address it was reached
from, so what a client writes there itself stays on the left). django-ipware
parses the header, whatever is in it.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from ipware import get_client_ip

#: Where no address can be read at all (REMOTE_ADDR empty: gunicorn bound to a
#: Unix socket). Such requests share one rate-limit bucket rather than fail.
UNKNOWN_ADDRESS = "0.0.0.0"


@lru_cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _address(value):
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket (::ffff:1.2.3.4) is that IPv4 client.
    return getattr(address, "ipv4_mapped", None) or address


def _from_trusted_proxy(peer):
    return any(
        peer.version == network.version and peer in network
        for network in _networks(tuple(settings.TRUSTED_PROXIES))
    )


def client_ip(request):
    """The visitor's IP address as a string; never fails, whatever the headers say."""
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    if peer is not None and _from_trusted_proxy(peer):
        forwarded, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            # ipware counts the proxies after the client in the header; the
            # last proxy's own address is REMOTE_ADDR, not in the header.
            proxy_count=settings.PROXY_COUNT - 1,
            request_header_order=[settings.CLIENT_IP_HEADER],
            # Skip what is not an address instead of refusing the whole
            # header: a client that prepends garbage must not escape into the
            # proxy's bucket, shared with everyone.
            strict=False,
        )
        if forwarded_address := _address(forwarded or ""):
            return _plain(forwarded_address)
    return _plain(peer) if peer is not None else UNKNOWN_ADDRESS


def _plain(address):
    # A zone index (fe80::1%eth0) names the proxy's network card, not the visitor.
    return str(address).split("%", 1)[0]
