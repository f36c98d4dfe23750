"""Small builders of study-tour content, shared by pytest fixtures and TestCase classes."""

import datetime
import json

from django.utils import timezone

from education.models import StudyBaseIndexPage, StudyBasePage, StudySession

INDEX_EN = {"研学基地": "Study bases", "找到适合学生的研学课程。": "Find a course for your class."}
COURSE_ID = "0f6d1c2e-0000-4000-8000-000000000001"


def make_index(demo, home):
    return demo.page(
        home,
        StudyBaseIndexPage,
        "study-bases",
        INDEX_EN,
        title="研学基地",
        intro="找到适合学生的研学课程。",
    )


def base_fields(n=1, **overrides):
    """Fields of a Chinese test base and the English text of each of its strings."""
    english = {
        f"测试研学基地{n}": f"Test study base {n}",
        "在延安学习延安精神。": "Learning the Yan'an Spirit in Yan'an.",
        "延安精神课": "The Yan'an Spirit course",
        "讲述一个故事": "Tell one story",
        "参观与讨论。": "A visit and a discussion.",
    }
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


def make_base(demo, index, n=1, translate=True, **overrides):
    """A published base; with `translate`, its English version too."""
    fields, english = base_fields(n, **overrides)
    if translate:
        return demo.page(index, StudyBasePage, f"base-{n}", english, **fields)
    page = StudyBasePage(slug=f"base-{n}", locale=index.locale, **fields)
    index.add_child(instance=page)
    page.save_revision(user=demo.user).publish(user=demo.user)
    return page


def make_session(base, days=20, capacity=40, deadline_days=10, **fields):
    today = timezone.localdate()
    values = {
        "date": today + datetime.timedelta(days=days),
        "start_time": datetime.time(9, 0),
        "end_time": datetime.time(15, 0),
        "course_block_id": COURSE_ID,
        "capacity": capacity,
        "booking_deadline": today + datetime.timedelta(days=deadline_days),
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
