"""The school's own booking page, reached by a signed link, and cancelling there."""

import datetime
from unittest import mock

from django.core import mail, signing
from django.utils import timezone

from education.models import Booking
from education.study_tours.choices import BookingStatus

from .base import StudyTourTestCase
from .factories import book_url, booking_data, make_base


class SignedLinkTests(StudyTourTestCase):
    def setUp(self):
        super().setUp()
        self.session = self.make_session(capacity=30)
        self.client.post(book_url(self.base, self.session), booking_data(pupils="20", adults="3"))
        self.booking = Booking.objects.get()
        self.url = self.booking.get_public_url()
        mail.outbox.clear()

    def test_link_shows_status_and_details_but_no_staff_notes(self):
        self.booking.staff_notes = "内部：校长是老朋友"
        self.booking.save()
        response = self.client.get(self.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert self.booking.reference in html
        assert "待确认" in html
        assert "无锡市第一中学" in html
        assert "内部：校长是老朋友" not in html
        assert response["X-Robots-Tag"] == "noindex, nofollow"

    def test_tampered_links_are_plain_404s(self):
        token = self.booking.signed_token()
        # Signed, but not by us (another salt): as good as a guess.
        foreign = signing.TimestampSigner(salt="elsewhere").sign(self.booking.reference)
        forged = signing.b64_encode(foreign.encode()).decode()
        for bad in [token[:-2] + "xx", forged, "nonsense", "A" * 500, "4pyT"]:
            with self.subTest(token=bad[:30]):
                response = self.client.get(self.base.url + f"booking/{bad}/")
                assert response.status_code == 404
                assert "无锡市第一中学" not in response.content.decode()

    def test_expired_link_is_404(self):
        later = timezone.now() + datetime.timedelta(days=400)
        with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
            response = self.client.get(self.url)
        assert response.status_code == 404
        assert self.booking.reference not in response.content.decode()

    def test_link_under_another_base_is_404(self):
        other = make_base(self.demo, self.index, n=2, translate=False)
        token = self.booking.signed_token()
        assert self.client.get(other.url + f"booking/{token}/").status_code == 404

    def test_link_works_in_the_other_language_too(self):
        token = self.booking.signed_token()
        response = self.client.get(self.english_base.url + f"booking/{token}/")
        assert response.status_code == 200
        assert "Your study-tour booking" in response.content.decode()

    def test_school_cancels_and_seats_come_back(self):
        assert self.session.seats_left == 10
        response = self.client.post(self.url, {"action": "cancel"})
        assert response.status_code == 302
        self.booking.refresh_from_db()
        assert self.booking.status == BookingStatus.CANCELLED
        assert self.session.seats_left == 30
        page = self.client.get(self.url).content.decode()
        assert "预约已取消，名额已释放" in page
        assert "取消此预约" not in page
        school, staff = mail.outbox
        assert "研学预约已取消" in school.subject
        assert "学校取消预约" in staff.subject

    def test_cancel_after_cutoff_is_refused(self):
        # Notice of 3 days: a session in 2 days can no longer be cancelled online.
        self.session.date = timezone.localdate() + datetime.timedelta(days=2)
        self.session.booking_deadline = timezone.localdate()
        self.session.save()
        page = self.client.get(self.url).content.decode()
        assert "已过在线取消期限" in page
        self.client.post(self.url, {"action": "cancel"})
        self.booking.refresh_from_db()
        assert self.booking.status == BookingStatus.REQUESTED
        assert "此预约已无法在线取消" in self.client.get(self.url).content.decode()
        assert not mail.outbox

    def test_cancelling_twice_changes_nothing_more(self):
        self.client.post(self.url, {"action": "cancel"})
        self.client.post(self.url, {"action": "cancel"})
        assert len(mail.outbox) == 2
