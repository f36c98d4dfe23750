"""What the e-mails about every kind of public request share."""

from django.conf import settings


def staff_recipients(address=""):
    """The staff address a base or programme names, or the site's."""
    return [address or settings.STAFF_NOTIFICATION_EMAIL]
