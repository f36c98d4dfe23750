"""The bookings admin: who may see it, listing, export, and the status actions."""

import csv
import io
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from icalendar import Calendar
from openpyxl import load_workbook

from education.models import Booking
from education.study_tours.choices import BookingStatus

from .base import StudyTourTestCase
from .factories import book_url, booking_data, make_session

INDEX = "/admin/education/bookings/"
SESSIONS = "/admin/education/sessions/"


def action_url(booking, action):
    return f"{INDEX}{booking.pk}/{action}/"


class BookingAdminTests(StudyTourTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.manager = User.objects.create_user("manager", "m@example.cn", "password")
        cls.manager.groups.add(Group.objects.get(name="Booking managers"))
        cls.editor = User.objects.create_user("editor", "e@example.cn", "password")
        # Moderators edit and publish every page, but bookings are not theirs.
        cls.editor.groups.add(Group.objects.get(name="Moderators"))

    def setUp(self):
        super().setUp()
        self.session = self.make_session(capacity=40)
        self.booking = self.book(school_name="<b>红星</b>小学🚩", pupils="24", adults="3")
        mail.outbox.clear()
        self.client.force_login(self.manager)

    def book(self, session=None, **data):
        client = self.client_class()
        client.post(
            book_url(self.base, session or self.session),
            booking_data(key=str(uuid.uuid4()), **data),
        )
        return Booking.objects.latest("pk")

    # Who may see it --------------------------------------------------------

    def test_anonymous_is_sent_to_login(self):
        self.client.logout()
        for url in [INDEX, INDEX + "?export=csv", action_url(self.booking, "confirm"), SESSIONS]:
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code == 302
                assert "/admin/login/" in response["Location"]

    def test_other_editors_get_no_data(self):
        # Moderators may see session occupancy (no personal data), never bookings.
        self.client.force_login(self.editor)
        for url in [INDEX, INDEX + "?export=csv", f"{INDEX}inspect/{self.booking.pk}/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code in (302, 403)
                assert self.booking.reference not in response.content.decode()
        response = self.client.post(action_url(self.booking, "confirm"))
        assert response.status_code in (302, 403)
        self.booking.refresh_from_db()
        assert self.booking.status == BookingStatus.REQUESTED

    def test_managers_and_superusers_see_the_list(self):
        for user in [self.manager, self.admin]:
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get(INDEX)
                assert response.status_code == 200
                assert self.booking.reference in response.content.decode()

    # Listing --------------------------------------------------------------------

    def test_names_are_escaped_in_the_listing(self):
        html = self.client.get(INDEX).content.decode()
        assert "&lt;b&gt;红星&lt;/b&gt;小学🚩" in html
        assert "<b>红星</b>" not in html

    def test_filters_and_search(self):
        other_session = make_session(self.base, days=60)
        other = self.book(session=other_session, school_name="延安中学", pupils="10", adults="2")
        other.status = BookingStatus.CONFIRMED
        other.save()
        cases = {
            "?status=confirmed": [other],
            "?status=requested": [self.booking],
            f"?base={self.base.pk}": [self.booking, other],
            f"?session_date_from={other_session.date:%Y-%m-%d}": [other],
            f"?q={other.reference}": [other],
            "?q=红星": [self.booking],
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                response = self.client.get(INDEX + query)
                assert response.status_code == 200
                html = response.content.decode()
                for booking in [self.booking, other]:
                    assert (booking.reference in html) == (booking in expected)
        assert self.client.get(INDEX + "?status=nonsense&session_date_from=x").status_code == 200

    def test_csv_export(self):
        self.booking.notes = '=HYPERLINK("http://evil")'
        self.booking.staff_notes = "回电确认人数"
        self.booking.save()
        response = self.client.get(INDEX + "?export=csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        content = b"".join(response.streaming_content).decode("utf-8")
        assert content.startswith("\ufeff")  # Excel reads UTF-8 with a BOM
        rows = list(csv.DictReader(io.StringIO(content.lstrip("\ufeff"))))
        assert len(rows) == 1
        row = rows[0]
        assert row["编号"] == self.booking.reference
        assert row["状态"] == "待确认"
        assert row["研学基地"] == "测试研学基地1"
        assert row["学校名称"] == "<b>红星</b>小学🚩"
        assert row["学生人数"] == "24"
        assert row["联系电话"] == "13912345678"
        assert row["内部备注"] == "回电确认人数"
        assert row["备注"] == '\'=HYPERLINK("http://evil")'  # never a live formula

    def test_excel_export(self):
        response = self.client.get(INDEX + "?export=xlsx")
        assert response.status_code == 200
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        rows = list(workbook.active.values)
        assert rows[0][0] == "编号"
        assert rows[1][0] == self.booking.reference

    # Actions --------------------------------------------------------------------

    def test_confirm_sends_calendar_email(self):
        response = self.client.get(action_url(self.booking, "confirm"))
        assert response.status_code == 200
        assert "学校将收到确认邮件和日历文件" in response.content.decode()
        response = self.client.post(action_url(self.booking, "confirm"))
        assert response.status_code == 302
        self.booking.refresh_from_db()
        assert self.booking.status == BookingStatus.CONFIRMED
        (email,) = mail.outbox
        assert "研学预约已确认" in email.subject
        filename, content, mimetype = email.attachments[0]
        assert filename == f"{self.booking.reference}.ics"
        assert mimetype == "text/calendar"
        event = Calendar.from_ical(content).walk("VEVENT")[0]
        assert event["uid"] == f"{self.booking.reference}@study-tours.yanxi"
        assert event.decoded("dtstart").date() == self.session.date
        assert "测试研学基地1" in str(event["summary"])
        assert event["geo"].latitude == 36.606

    def test_confirmation_email_in_english_for_english_bookings(self):
        self.booking.language = "en"
        self.booking.save()
        self.client.post(action_url(self.booking, "confirm"))
        (email,) = mail.outbox
        assert email.subject.startswith("Study-tour booking confirmed")
        event = Calendar.from_ical(email.attachments[0][1]).walk("VEVENT")[0]
        assert "Test study base 1" in str(event["summary"])

    def test_decline_and_cancel_free_seats_and_tell_the_school(self):
        assert self.session.seats_left == 16
        self.client.post(action_url(self.booking, "decline"))
        self.booking.refresh_from_db()
        assert self.booking.status == BookingStatus.DECLINED
        assert self.session.seats_left == 40
        assert "研学预约未能安排" in mail.outbox[0].subject
        # A declined booking cannot be cancelled: a clear message, nothing sent.
        response = self.client.post(action_url(self.booking, "cancel"), follow=True)
        assert "不能执行此操作" in response.content.decode()
        assert len(mail.outbox) == 1

    def test_cancel_by_staff(self):
        self.client.post(action_url(self.booking, "cancel"))
        self.booking.refresh_from_db()
        assert self.booking.status == BookingStatus.CANCELLED
        assert "研学预约已取消" in mail.outbox[0].subject

    def test_waitlisted_booking_is_confirmed_only_when_seats_free_up(self):
        waiting = self.book(pupils="24", adults="3", join_waitlist="on")
        assert waiting.status == BookingStatus.WAITLISTED
        response = self.client.post(action_url(waiting, "confirm"), follow=True)
        assert "场次只剩 16 个名额" in response.content.decode()
        waiting.refresh_from_db()
        assert waiting.status == BookingStatus.WAITLISTED
        self.client.post(action_url(self.booking, "cancel"))
        self.client.post(action_url(waiting, "confirm"))
        waiting.refresh_from_db()
        assert waiting.status == BookingStatus.CONFIRMED

    def test_unknown_action_is_refused(self):
        response = self.client.post(action_url(self.booking, "delete-everything"))
        assert response.status_code != 200
        self.booking.refresh_from_db()
        assert self.booking.status == BookingStatus.REQUESTED

    def test_staff_can_only_edit_staff_notes(self):
        response = self.client.post(
            f"{INDEX}edit/{self.booking.pk}/",
            {"staff_notes": "已电话确认", "pupils": "300", "status": "confirmed"},
        )
        assert response.status_code == 302
        self.booking.refresh_from_db()
        assert self.booking.staff_notes == "已电话确认"
        assert self.booking.pupils == 24
        assert self.booking.status == BookingStatus.REQUESTED

    # Occupancy ------------------------------------------------------------------

    def test_occupancy_and_waitlist_in_order(self):
        self.book(school_name="甲校", pupils="24", adults="3", join_waitlist="on")
        self.book(school_name="乙校", pupils="20", adults="3", join_waitlist="on")
        response = self.client.get(SESSIONS)
        assert response.status_code == 200
        html = response.content.decode()
        assert "24 / 40" in html
        link = f"{INDEX}?status=waitlisted&amp;session={self.session.pk}&amp;ordering=created_at"
        assert link in html
        waitlist = self.client.get(link.replace("&amp;", "&")).content.decode()
        assert waitlist.index("甲校") < waitlist.index("乙校")
        assert "红星" not in waitlist
