"""E-mails sent through the task queue, retried with backoff, failures shown to staff.

A request renders its e-mail and queues it (`queue_email`); the worker
(`manage.py db_worker --backend notifications`) sends it. The request never
waits for the mail server, and a server that is down or hangs (EMAIL_TIMEOUT)
costs an attempt, not a booking: the task tries again after
NOTIFICATION_RETRY_DELAY seconds, doubling the wait each time, and after
NOTIFICATION_MAX_ATTEMPTS marks the e-mail failed, where staff see it and may
send it again (the failed notifications listing, core.wagtail_hooks).
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from core.models import OutgoingEmail

logger = logging.getLogger(__name__)


def queue_email(about, template, context, *, to, language, attachments=(), reply_to=None):
    """Render `<template>_subject.txt`, `.txt` and `.html` in `language` and queue them.

    `about` is the record the e-mail concerns (shown to staff if it fails);
    `attachments` are (filename, text or UTF-8 bytes, mimetype). Rendering
    here, in the request, keeps the language and the data as they were when
    the e-mail was asked for. Returns the OutgoingEmail.
    """
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())[:255]
        body = render_to_string(f"{template}.txt", context)
        # The HTML's <title> (core/emails/base.html) is the subject.
        html = render_to_string(f"{template}.html", context | {"subject": subject})
    email = OutgoingEmail.objects.create(
        about=about,
        template=template,
        to=list(to),
        reply_to=list(reply_to or []),
        subject=subject,
        body=body,
        html=html,
        attachments=[
            {
                "filename": filename,
                "content": content.decode() if isinstance(content, bytes) else content,
                "mimetype": mimetype,
            }
            for filename, content, mimetype in attachments
        ],
    )
    send_outgoing_email.enqueue(email.pk)
    return email


def retry(email):
    """Send a failed e-mail again, with a fresh round of attempts (the admin's "retry")."""
    email.status = OutgoingEmail.Status.QUEUED
    email.attempts = 0
    email.save(update_fields=["status", "attempts"])
    send_outgoing_email.enqueue(email.pk)


def retry_delay(attempts):
    """The wait after the `attempts`-th failure: 1, 2, 4, 8... times the base delay."""
    return datetime.timedelta(seconds=settings.NOTIFICATION_RETRY_DELAY * 2 ** (attempts - 1))


def as_message(email):
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.body, to=email.to, reply_to=email.reply_to or None
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


@task(backend="notifications")
def send_outgoing_email(email_id):
    """One attempt at sending; on failure, the next attempt is queued or the e-mail failed."""
    # Only a queued e-mail is sent: one sent meanwhile (a retry clicked twice) is not sent again.
    email = OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.QUEUED).first()
    if email is None:
        return
    email.attempts += 1
    try:
        as_message(email).send()
    except Exception as error:  # SMTP errors, refused connections, timeouts: all worth a retry
        email.last_error = f"{type(error).__name__}: {error}"
        if email.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            email.status = OutgoingEmail.Status.FAILED
            logger.error("Gave up sending e-mail %s to %s: %s", email.pk, email.to, error)
        email.save(update_fields=["attempts", "last_error", "status"])
        if email.status == OutgoingEmail.Status.QUEUED:
            next_attempt = send_outgoing_email
            # The immediate backend (tests) cannot wait; it tries again at once.
            if next_attempt.get_backend().supports_defer:
                next_attempt = next_attempt.using(
                    run_after=timezone.now() + retry_delay(email.attempts)
                )
            next_attempt.enqueue(email.pk)
        return
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.save(update_fields=["attempts", "status", "sent_at"])
