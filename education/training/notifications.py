"""E-mails about training enquiries."""

from django.urls import reverse

from core.origin import absolute_url
from education.public_requests.notifications import email_requester, email_staff


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
    return email_requester(
        enquiry, "education/training/emails/enquiry_ack", enquiry_context(enquiry)
    )


def notify_staff(enquiry):
    return email_staff(enquiry, "education/training/emails/enquiry_staff", enquiry_context(enquiry))
