"""The public enquiry form of a training programme and the organisation's signed page."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from education.models.cohorts import TrainingEnquiry
from education.public_requests.handler import PublicRequestHandler, private_page
from education.training.forms import TrainingEnquiryForm
from education.training.notifications import notify_organisation, notify_staff


class TrainingEnquiryHandler(PublicRequestHandler):
    model = TrainingEnquiry
    form_class = TrainingEnquiryForm
    template_name = "education/training/enquiry_form.html"
    rate_limit_group = "education.training_enquiry"
    submitted_message = gettext_lazy("培训咨询已提交，确认邮件已发送到您的邮箱。")

    def notify(self, enquiry):
        notify_organisation(enquiry)
        notify_staff(enquiry)


def enquiry_form(request, index_page, programme=None):
    """The enquiry form; `?cohort=<id>` preselects one of the programme's cohorts."""
    form_kwargs = {"programme": programme, "locale": index_page.locale}
    if programme is not None and request.method == "GET":
        cohort = request.GET.get("cohort", "")
        offered = {str(c.pk) for c in programme.offered_cohorts}
        if cohort in offered:
            form_kwargs["initial"] = {"cohort": cohort}
    context = {"page": programme or index_page, "programme": programme, "index_page": index_page}
    return TrainingEnquiryHandler(request, context, form_kwargs=form_kwargs).handle()


def enquiry_detail(request, index_page, token):
    """The organisation's page for its enquiry, reached by the signed link in its email.

    A tampered, expired or foreign link is a plain 404: it says nothing about
    whether an enquiry exists.
    """
    enquiry = TrainingEnquiry.get_by_token(
        token, TrainingEnquiry.objects.select_related("programme", "cohort")
    )
    if enquiry is None:
        raise Http404("No enquiry for this link.")
    return private_page(
        render(
            request,
            "education/training/enquiry_detail.html",
            {
                "page": index_page,
                "enquiry": enquiry,
                "programme": enquiry.localized_programme(),
                "cohort": enquiry.cohort,
            },
        )
    )


class EnquiryRoutesMixin(RoutablePageMixin):
    """The enquiry routes of the programme index: a general enquiry and the organisation's page."""

    @path("enquire/", name="enquire")
    def enquire(self, request):
        return enquiry_form(request, self, programme=None)

    @path("enquiry/<str:token>/", name="enquiry")
    def enquiry(self, request, token):
        return enquiry_detail(request, self, token)


class ProgrammeEnquiryRoutesMixin(RoutablePageMixin):
    """A programme's enquiry form; the organisation's page is served by the index."""

    @path("enquire/", name="enquire")
    def enquire(self, request):
        return enquiry_form(request, self.get_parent().specific, programme=self)
