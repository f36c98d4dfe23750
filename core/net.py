"""The client's address, as the admin's login throttling (django-axes) counts it.

The site runs behind a TLS-terminating proxy; until the proxy's forwarded
header is trusted explicitly, the address is the one the connection came from
(REMOTE_ADDR): a header the client can set itself must never decide whose
failures are counted.
"""


def client_ip(request):
    """The address of the client that sent `request`."""
    return request.META.get("REMOTE_ADDR", "")
