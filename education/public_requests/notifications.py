"""What the e-mails about every kind of public request share."""

from django.conf import settings

from core.mail import queue_email


def staff_recipients(record):
    """The staff address the request's base or programme names, or the site's."""
    return [record.staff_email() or settings.STAFF_NOTIFICATION_EMAIL]


def email_requester(record, template, context, attachments=()):
    """E-mail whoever sent the request, in the language they used; replies reach the staff."""
    return queue_email(
        record,
        template,
        context,
        to=[record.email],
        language=record.language,
        attachments=attachments,
        reply_to=staff_recipients(record),
    )


def email_staff(record, template, context):
    """E-mail the staff who answer the request, in Chinese; replies reach whoever sent it."""
    return queue_email(
        record,
        template,
        context,
        to=staff_recipients(record),
        language=settings.LANGUAGE_CODE,
        reply_to=[record.email],
    )
