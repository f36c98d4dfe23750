"""The GET/POST flow every public form (and the partner API) shares: rate limits, honeypot,
replay, apology, redirect."""

import logging

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError, IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from core.ratelimit import count_accepted, retry_after, seconds_until_allowed, when_to_retry

logger = logging.getLogger(__name__)


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
    """The request cannot be accepted; raised by `PublicRequestHandler.create` and `submit`.

    `field` names the form field the message belongs to (None: the whole form),
    `status` is the HTTP status that says why. A form page shows the message
    among the form's errors unless `in_form` is false (its template words that
    refusal itself); other keyword arguments go to the template context.
    """

    def __init__(self, message, field=None, status=409, in_form=True, retry_after=None, **context):
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status
        self.in_form = in_form
        # Seconds until a rate-limited requester may try again (429 only).
        self.retry_after = retry_after
        self.context = context


class PublicRequestHandler:
    """The GET/POST flow of a public request form; subclass per request type.

    Subclasses set `model`, `form_class`, `template_name`, `rate_limit_group`
    and `submitted_message`, implement `notify(obj)` and may override
    `create(form)` (save and return the request, or raise RequestRefused).
    The successful POST says `submitted_message` and redirects to
    `obj.get_public_url()`, the requester's signed page. `submit(form)` is
    the part without HTML, which the partner API (api/education.py) calls too.
    """

    model = None
    form_class = None
    template_name = None
    rate_limit_group = None
    submitted_message = None

    def __init__(self, request, context=None, form_kwargs=None, partner=""):
        self.request = request
        self.context = context or {}
        self.form_kwargs = form_kwargs or {}
        # The partner whose API key sent this request ("" for the public).
        self.partner = partner

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

    def submit(self, form):
        """Accept a valid form: return `(request, created)` or raise RequestRefused.

        The one path of every front end (the HTML form, the API): a replayed
        idempotency key gives back the request it created, without counting
        against the rate limits or sending the e-mails again.
        """
        if existing := self.replay(form):
            return existing, False
        if refusal := self.over_limit(form):
            raise refusal
        if form.is_spam():
            raise RequestRefused(
                gettext("无法接受此次提交。如果您是人工填写，请致电我们。"),
                status=400,
                in_form=False,
                rejected=True,
            )
        form.instance.partner = self.partner
        try:
            obj = self.create(form)
        except IntegrityError:
            # Two clicks raced past `replay`; the unique key kept one request.
            if existing := self.replay(form):
                return existing, False
            raise self.apology() from None
        except DatabaseError:
            raise self.apology() from None
        for group, rate, key, _reason in self.limits(form):
            count_accepted(self.request, group, rate, key)
        self.notify(obj)
        return obj, True

    def limits(self, form):
        """(counter, rate, key, why) of each limit on accepted requests.

        Only requests actually created count (`submit`), so a school that
        retries a full session, mistypes or meets a refusal is never locked
        out; schools behind one NAT share the generous per-address limit,
        and the per-contact one keeps anybody's phone and inbox from being
        flooded with acknowledgements through this form.
        """
        group, data = self.rate_limit_group, form.cleaned_data
        if self.partner:
            # A partner's server sends for many schools from one address: it
            # has a limit of its own instead (API_PARTNER_KEYS).
            yield (
                f"{group}:partner",
                settings.API_PARTNER_RATE,
                self.partner,
                gettext("抱歉，此合作方通过 API 提交的申请已达上限。"),
            )
        else:
            yield (
                group,
                settings.EDUCATION_REQUEST_RATE,
                None,
                gettext("抱歉，从您所在网络提交的申请已达上限。"),
            )
        contact_reason = gettext("抱歉，使用此电话号码或电子邮箱提交的申请已达上限。")
        # The phone is already in one spelling (PublicRequestForm's PhoneField).
        for field, key in (("phone", data.get("phone")), ("email", data.get("email"))):
            if key:
                yield (
                    f"{group}:{field}",
                    settings.EDUCATION_CONTACT_RATE,
                    key.lower(),
                    contact_reason,
                )

    def over_limit(self, form):
        """The refusal of the limit this request would exceed longest, or None."""
        waits = [
            (seconds, reason)
            for group, rate, key, reason in self.limits(form)
            if (seconds := seconds_until_allowed(self.request, group, rate, key, count=False))
        ]
        if not waits:
            return None
        seconds, reason = max(waits, key=lambda wait: wait[0])
        message = gettext("%(reason)s您填写的内容都还在。%(retry)s") % {
            "reason": reason,
            "retry": when_to_retry(seconds),
        }
        return RequestRefused(
            message,
            status=429,
            in_form=False,
            retry_after=seconds,
            rate_limited=True,
            rate_limit_message=message,
        )

    def apology(self):
        logger.exception("A public request could not be saved")
        return RequestRefused(
            gettext("抱歉，系统暂时无法保存您的申请，您填写的内容都还在，请稍后再提交一次。"),
            status=503,
            apology=True,
        )

    def handle(self):
        form = self.get_form()
        if self.request.method != "POST" or not form.is_valid():
            return self.render(form, status=200 if not form.is_bound else 400)
        try:
            obj, created = self.submit(form)
        except RequestRefused as refusal:
            if refusal.in_form:
                form.add_error(refusal.field, refusal.message)
            response = self.render(form, status=refusal.status, **refusal.context)
            if refusal.retry_after:
                retry_after(response, refusal.retry_after)
            return response
        if created:
            messages.success(self.request, self.submitted_message)
        return redirect(obj.get_public_url())
