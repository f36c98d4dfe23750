"""Study tours: the study-base listing, bases with a course, dated sessions, booking forms."""

import datetime
import json
import uuid

from django.test import Client

from education.models import Booking, StudyBaseIndexPage, StudyBasePage, StudySession

from .tourism import days_from_today
from .words import ENGLISH

COURSE_ID = "0f6d1c2e-0000-4000-8000-000000000001"


def make_study_base_index(demo, home):
    return demo.page(
        home,
        StudyBaseIndexPage,
        "study-bases",
        ENGLISH,
        title="研学基地",
        intro="找到适合学生的研学课程。",
    )


def study_base_fields(n=1, **overrides):
    """Fields of Chinese test base number `n`, and the English of its own strings."""
    english = ENGLISH | {f"测试研学基地{n}": f"Test study base {n}"}
    courses = [
        {
            "type": "course",
            "id": COURSE_ID,
            "value": {
                "title": "延安精神课",
                "hours": "3",
                "age_bands": ["upper_primary", "junior_middle"],
                "outcomes": [{"type": "item", "value": "讲述一个故事", "id": COURSE_ID[:-1] + "2"}],
                "description": "<p>参观与讨论。</p>",
            },
        }
    ]
    fields = {
        "title": f"测试研学基地{n}",
        "intro": "在延安学习延安精神。",
        "city": "yanan",
        "kind": "base",
        "latitude": "36.606000",
        "longitude": "109.477000",
        "courses": json.dumps(courses, ensure_ascii=False),
        "has_meals": True,
        "staff_email": "base-staff@example.cn",
    }
    fields.update(overrides)
    return fields, english


def make_study_base(demo, index, n=1, translate=True, **overrides):
    """A published base; with `translate`, its English version too."""
    fields, english = study_base_fields(n, **overrides)
    if translate:
        return demo.page(index, StudyBasePage, f"base-{n}", english, **fields)
    page = StudyBasePage(slug=f"base-{n}", locale=index.locale, **fields)
    index.add_child(instance=page)
    page.save_revision(user=demo.user).publish(user=demo.user)
    return page


def make_study_session(base, days=20, capacity=40, deadline_days=10, **fields):
    """A session of the base's course in `days` days, bookable until `deadline_days`."""
    values = {
        "date": days_from_today(days),
        "start_time": datetime.time(9, 0),
        "end_time": datetime.time(15, 0),
        "course_block_id": COURSE_ID,
        "capacity": capacity,
        "booking_deadline": days_from_today(deadline_days),
        **fields,
    }
    return StudySession.objects.create(base=base, **values)


def booking_data(key="5f0b6a5e-6b1a-4f43-9a55-8b2f7b1a0c01", **overrides):
    """POST data of a valid booking form."""
    data = {
        "idempotency_key": key,
        "website": "",
        "school_name": "无锡市第一中学",
        "contact_name": "王芳",
        "contact_role": "年级组长",
        "phone": "139 1234 5678",
        "email": "teacher@example.cn",
        "age_band": "junior_middle",
        "pupils": "16",
        "adults": "2",
        "meals": "lunch",
        "arrival_mode": "coach",
        "access_needs": "",
        "notes": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def book_url(base, session):
    return base.url + base.reverse_subpage("book", args=[session.pk])


def post_booking(base, session, **data):
    """A school books through the public form, in its own browser; returns the booking."""
    response = Client().post(book_url(base, session), booking_data(key=str(uuid.uuid4()), **data))
    assert response.status_code == 302, response.content.decode()[:500]
    return Booking.objects.latest("pk")
