"""Demo study bases with dated sessions and a few bookings; the data is demo_data/bases.toml."""

import datetime
from pathlib import Path

from core.demo import Paragraphs, read, stream, take
from education.models.sessions import Booking, StudySession
from education.models.study_tours import StudyBaseIndexPage, StudyBasePage
from education.study_tours.choices import ArrivalMode, BaseKind, Meals
from home.models import HomePage
from tourism.models import Partner, RedSitePage, Spirit

DATA = Path(__file__).parent / "demo_data" / "bases.toml"


def load(demo):
    data = read(DATA)
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    index = demo.listing(home, StudyBaseIndexPage, data["index"], with_image=True)
    for base in data["bases"]:
        page = _load_base(demo, index, {**data["defaults"], **base})
        _load_sessions(demo, page, base, data)
    return index


def _load_base(demo, index, data):
    source = {"locale": demo.source_locale}
    slug = data["slug"]
    courses = [
        (
            "course",
            {
                **take(course, "title", "hours", "age_bands"),
                # List items with ids: translations find their segments by item id.
                "outcomes": stream(
                    (("item", outcome) for outcome in course["outcomes"]), slug, course["key"]
                ),
                "description": Paragraphs(course["description"]),
            },
        )
        for course in data["courses"]
    ]
    operator = data.get("operator")
    return demo.page(
        index,
        StudyBasePage,
        slug,
        **take(data, "title", "kind", "intro", "city", "themes", "accessibility"),
        image=demo.image(f"base-{slug}", data["title"]),
        body=Paragraphs(data["body"]),
        red_site=RedSitePage.objects.filter(slug=data["red_site"], **source).first(),
        spirits=list(Spirit.objects.filter(slug__in=data["spirits"], **source)),
        operator=operator and Partner.objects.filter(slug=operator, **source).first(),
        courses=stream(courses, slug, "courses"),
        has_meals=data.get("has_meals", False),
        has_accommodation=data.get("has_accommodation", False),
        beds=data.get("beds"),
        safety_notes=Paragraphs(data["safety_notes"]),
        staff_email=f"{slug}@example.cn",
    )


def _load_sessions(demo, page, base, data):
    """The base's sessions and their bookings, made once: a second run leaves them alone."""
    if page.sessions.exists():
        return
    defaults = data["defaults"]
    # The page's own course ids, in the order the data gives the courses.
    course_ids = {
        course["key"]: block.id for course, block in zip(base["courses"], page.courses, strict=True)
    }
    start = datetime.time.fromisoformat(defaults["session_start"])
    end = datetime.time.fromisoformat(
        defaults["camp_session_end" if page.kind == BaseKind.CAMP else "session_end"]
    )
    for session_data in base["sessions"]:
        date = demo.date(session_data["date"])
        session = StudySession.objects.create(
            base=page,
            date=date,
            start_time=start,
            end_time=end,
            course_block_id=course_ids[session_data["course"]],
            capacity=session_data["capacity"],
            booking_deadline=date - datetime.timedelta(days=defaults["booking_deadline"]),
        )
        for booking in session_data.get("bookings", []):
            contact = data["booking_contacts"][booking["language"]]
            Booking.objects.create(
                session=session,
                contact_name=contact["name"],
                contact_role=contact["role"],
                phone="13912345678",
                email="teacher@example.cn",
                meals=Meals.LUNCH if page.has_meals else Meals.NONE,
                arrival_mode=ArrivalMode.COACH,
                consent=True,
                **booking,
            )
