"""The GET/POST flow every public form shares: rate limit, honeypot, replay, apology, redirect."""

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError, IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django_ratelimit.core import is_ratelimited

from education.public_requests.notifications import logger


def request_rate(_group, _request):
    """Accepted public requests per IP: a school sends a few, a bot many."""
    return getattr(settings, "EDUCATION_REQUEST_RATE", "5/h")


def is_over_rate_limit(request, group):
    """Count this submission against the sender's IP and say if it is one too many."""
    return is_ratelimited(
        request, group=group, key="ip", rate=request_rate, method="POST", increment=True
    )


def private_page(response):
    """Mark a requester's signed page as personal: never cached, indexed or leaked.

    The signed link is the page's URL, so it must not reach another site in a
    Referer. `same-origin` keeps it home while the page's own forms still send
    their Origin: a `no-referrer` policy makes Chromium send `Origin: null`,
    which Django's CSRF check (rightly) refuses.
    """
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


class RequestRefused(Exception):
    """Raised by `PublicRequestHandler.create` when the request cannot be accepted.

    `field` names the form field the message belongs to (None: the whole form);
    other keyword arguments go to the template context.
    """

    def __init__(self, message, field=None, **context):
        super().__init__(message)
        self.message = message
        self.field = field
        self.context = context


class PublicRequestHandler:
    """The GET/POST flow of a public request form; subclass per request type.

    Subclasses set `model`, `form_class`, `template_name`, `rate_limit_group`
    and `submitted_message`, implement `notify(obj)` and may override
    `create(form)` (save and return the request, or raise RequestRefused).
    The successful POST says `submitted_message` and redirects to
    `obj.get_public_url()`, the requester's signed page.
    """

    model = None
    form_class = None
    template_name = None
    rate_limit_group = None
    submitted_message = None

    def __init__(self, request, context=None, form_kwargs=None):
        self.request = request
        self.context = context or {}
        self.form_kwargs = form_kwargs or {}

    def get_form(self):
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **self.form_kwargs)
        return self.form_class(**self.form_kwargs)

    def create(self, form):
        return form.save()

    def notify(self, obj):
        raise NotImplementedError

    def render(self, form, status=200, **extra):
        return render(
            self.request,
            self.template_name,
            {**self.context, "form": form, **extra},
            status=status,
        )

    def replay(self, form):
        """The request this very form already created (double click, resubmission)."""
        key = form.cleaned_data["idempotency_key"]
        return self.model._default_manager.filter(idempotency_key=key).first()

    def handle(self):
        form = self.get_form()
        if self.request.method != "POST" or not form.is_valid():
            return self.render(form, status=200 if not form.is_bound else 400)
        if existing := self.replay(form):
            return redirect(existing.get_public_url())
        if is_over_rate_limit(self.request, self.rate_limit_group):
            return self.render(form, status=429, rate_limited=True)
        if form.is_spam():
            return self.render(form, status=400, rejected=True)
        try:
            obj = self.create(form)
        except RequestRefused as refusal:
            form.add_error(refusal.field, refusal.message)
            return self.render(form, status=409, **refusal.context)
        except IntegrityError:
            # Two clicks raced past `replay`; the unique key kept one request.
            if existing := self.replay(form):
                return redirect(existing.get_public_url())
            return self.apologise(form)
        except DatabaseError:
            return self.apologise(form)
        self.notify(obj)
        messages.success(self.request, self.submitted_message)
        return redirect(obj.get_public_url())

    def apologise(self, form):
        logger.exception("A public request could not be saved")
        form.add_error(
            None,
            gettext("抱歉，系统暂时无法保存您的申请，您填写的内容都还在，请稍后再提交一次。"),
        )
        return self.render(form, status=503, apology=True)
