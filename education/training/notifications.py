"""E-mails about training enquiries."""

from django.conf import settings
from django.urls import reverse

from core.mail import queue_email
from core.origin import absolute_url
from education.public_requests.notifications import staff_recipients


def enquiry_context(enquiry):
    return {
        "enquiry": enquiry,
        "programme": enquiry.localized_programme(),
        "cohort": enquiry.cohort,
        "public_url": enquiry.get_full_public_url(),
        "admin_url": absolute_url(
            reverse("education_training_enquiries:inspect", args=[enquiry.pk])
        ),
    }


def notify_organisation(enquiry):
    """Acknowledge the enquiry in the organisation's language, with its reference."""
    return queue_email(
        enquiry,
        "education/training/emails/enquiry_ack",
        enquiry_context(enquiry),
        to=[enquiry.email],
        language=enquiry.language,
        reply_to=staff_recipients(enquiry.programme.enquiry_email if enquiry.programme else ""),
    )


def notify_staff(enquiry):
    return queue_email(
        enquiry,
        "education/training/emails/enquiry_staff",
        enquiry_context(enquiry),
        to=staff_recipients(enquiry.programme.enquiry_email if enquiry.programme else ""),
        language=settings.LANGUAGE_CODE,
        reply_to=[enquiry.email],
    )
