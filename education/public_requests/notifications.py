"""E-mails about public requests, rendered in the requester's language."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


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
