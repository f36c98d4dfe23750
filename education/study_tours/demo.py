"""Demo study bases in Yan'an, Nanniwan, the three counties and Wuxi, with
sessions dated from today (so the demo never goes stale) and a few bookings."""

import datetime
import json
import uuid

from django.utils import timezone

from core.demo import Texts
from education.models.sessions import Booking, StudySession
from education.models.study_tours import StudyBaseIndexPage, StudyBasePage
from education.study_tours.choices import (
    AgeBand,
    ArrivalMode,
    BaseKind,
    BookingStatus,
    Meals,
)
from home.models import HomePage
from tourism.models import Partner, RedSitePage, Spirit

# Stable block ids, so sessions can name their course on every run.
COURSE_NAMESPACE = uuid.UUID("9b1c7d1e-6f0a-4c55-8d7e-3a4f2b1c0d9e")


LOWER, UPPER, JUNIOR, SENIOR = AgeBand.values


def _block_id(*parts):
    return str(uuid.uuid5(COURSE_NAMESPACE, ":".join(parts)))


def _course(t, base_slug, title, hours, bands, outcomes, description):
    return {
        "type": "course",
        "id": _block_id(base_slug, title[1]),
        "value": {
            "title": t(*title),
            "hours": hours,
            "age_bands": list(bands),
            # List items with ids: translations find their segments by item id.
            "outcomes": [
                {"type": "item", "value": t(*outcome), "id": _block_id(base_slug, outcome[1])}
                for outcome in outcomes
            ],
            "description": t.p(description),
        },
    }


BASES = [
    {
        "slug": "memorial-hall-study-base",
        "title": ("延安革命纪念馆研学基地", "Yan'an Revolutionary Memorial Hall Study Base"),
        "kind": BaseKind.BASE,
        "city": "yanan",
        "red_site": "memorial-hall",
        "spirits": ["yanan-spirit"],
        "operator": "yanlv-group",
        "intro": (
            "在王家坪的延安革命纪念馆里，跟着讲解员读文物、讲故事，认识延安十三年。",
            "At the Yan'an Revolutionary Memorial Hall in Wangjiaping, pupils read objects and "
            "stories with a guide and meet Yan'an's thirteen years.",
        ),
        "themes": ("党史学习、文物解读", "Party history, reading museum objects"),
        "has_meals": True,
        "courses": [
            (
                ("文物里的延安十三年", "Yan'an's thirteen years in objects"),
                "3",
                (UPPER, JUNIOR, SENIOR),
                [
                    (
                        "能用三件文物讲述延安时期的一个故事",
                        "Tell a story of the Yan'an years through three objects",
                    ),
                    (
                        "理解“自力更生、艰苦奋斗”的含义",
                        "Explain what self-reliance and hard struggle meant",
                    ),
                ],
                (
                    "分组完成展厅任务单，最后以小组汇报结束。",
                    "Groups work through a gallery task sheet and end with a short presentation.",
                ),
            ),
            (
                ("小小讲解员", "Young guides"),
                "2",
                (LOWER, UPPER),
                [
                    (
                        "能向同学介绍一件展品",
                        "Introduce one exhibit to classmates",
                    )
                ],
                (
                    "学生在讲解员带领下练习讲解一件展品。",
                    "Pupils practise presenting one exhibit, coached by a museum guide.",
                ),
            ),
        ],
        "capacities": [120, 80, 100],
    },
    {
        "slug": "nanniwan-labour-camp",
        "title": ("南泥湾劳动教育营地", "Nanniwan Labour Education Camp"),
        "kind": BaseKind.CAMP,
        "city": "yanan",
        "red_site": "nanniwan",
        "spirits": ["nanniwan-spirit", "yanan-spirit"],
        "operator": "yanlv-group",
        "intro": (
            "在三五九旅开垦过的南泥湾，学生下田劳动、住营地、学唱《南泥湾》。",
            "In Nanniwan, the land the 359th Brigade reclaimed, pupils work in the fields, stay "
            "at the camp and learn the song Nanniwan.",
        ),
        "themes": ("劳动教育、南泥湾精神", "Labour education, the Nanniwan Spirit"),
        "has_meals": True,
        "has_accommodation": True,
        "beds": 240,
        "courses": [
            (
                ("一手拿枪，一手拿镐", "A rifle in one hand, a hoe in the other"),
                "6",
                (UPPER, JUNIOR, SENIOR),
                [
                    (
                        "能说出1941年起三五九旅开荒的经过",
                        "Describe how the 359th Brigade reclaimed the wasteland from 1941",
                    ),
                    ("完成一次田间劳动", "Complete a session of field work"),
                ],
                (
                    "上午参观旧址，下午在稻田和菜地劳动。",
                    "Site visit in the morning, work in the paddy and vegetable fields in the afternoon.",
                ),
            ),
        ],
        "capacities": [200, 150, 30],
    },
    {
        "slug": "zaoyuan-serve-the-people",
        "title": ("枣园“为人民服务”红色体验地", "Zaoyuan “Serve the People” Red Experience Site"),
        "kind": BaseKind.RED_SITE,
        "city": "yanan",
        "red_site": "zaoyuan",
        "spirits": ["zhang-side-spirit", "yanan-spirit"],
        "operator": None,
        "intro": (
            "在枣园的“为人民服务”广场，重温1944年的讲话，思考平凡岗位上的奉献。",
            "On the “Serve the People” square at Zaoyuan, pupils revisit the 1944 speech and "
            "think about dedication in ordinary work.",
        ),
        "themes": ("张思德精神、公民责任", "The Zhang Side Spirit, civic responsibility"),
        "courses": [
            (
                ("为人民服务", "Serve the People"),
                "2.5",
                (JUNIOR, SENIOR),
                [
                    (
                        "能概括《为人民服务》的主要观点",
                        "Summarise the main points of “Serve the People”",
                    )
                ],
                (
                    "诵读、讨论，并为社区设计一项志愿服务。",
                    "Reading aloud, discussion, and planning a volunteer project for the community.",
                ),
            ),
        ],
        "capacities": [60, 60],
    },
    {
        "slug": "liangjiahe-study-base",
        "title": ("梁家河研学基地", "Liangjiahe Study Base"),
        "kind": BaseKind.BASE,
        "city": "yanan",
        "red_site": "liangjiahe",
        "spirits": ["yanan-spirit"],
        "operator": None,
        "intro": (
            "在延川县文安驿镇的梁家河村，了解陕北农村的变迁。",
            "In Liangjiahe village, Wen'anyi town, Yanchuan county, pupils learn how rural "
            "northern Shaanxi has changed.",
        ),
        "themes": ("乡村振兴、社会调查", "Rural revitalisation, field survey"),
        "has_meals": True,
        "courses": [
            (
                ("村庄里的变迁", "Change in a village"),
                "4",
                (JUNIOR, SENIOR),
                [("完成一份村庄调查记录", "Complete a village survey record")],
                (
                    "走访村史馆和农户，记录今昔对比。",
                    "Visits to the village museum and to farming families, recording then and now.",
                ),
            ),
        ],
        "capacities": [90, 90],
    },
    {
        "slug": "wuxi-revolution-hall-study-base",
        "title": ("无锡革命陈列馆研学基地", "Wuxi Revolutionary Exhibition Hall Study Base"),
        "kind": BaseKind.BASE,
        "city": "wuxi",
        "red_site": "wuxi-revolution-hall",
        "spirits": ["yanan-spirit"],
        "operator": "wuxi-culture-tourism-group",
        "intro": (
            "在太湖广场旁的无锡博物院内，认识无锡的革命先辈和他们与延安的联系。",
            "In Wuxi Museum by Taihu Square, pupils meet Wuxi's revolutionaries and their ties "
            "with Yan'an.",
        ),
        "themes": ("党史学习、延锡情谊", "Party history, Yan'an–Wuxi ties"),
        "courses": [
            (
                ("从无锡到延安", "From Wuxi to Yan'an"),
                "2",
                (UPPER, JUNIOR, SENIOR),
                [
                    (
                        "能说出两位与延安有关的无锡人物",
                        "Name two people from Wuxi linked with Yan'an",
                    )
                ],
                (
                    "展厅参观结合人物卡片任务。",
                    "A gallery visit with a people-card activity.",
                ),
            ),
        ],
        "capacities": [80, 80, 80],
    },
    {
        "slug": "bo-gu-residence-red-experience",
        "title": (
            "秦邦宪（博古）旧居红色体验地",
            "Qin Bangxian (Bo Gu) Former Residence Red Experience Site",
        ),
        "kind": BaseKind.RED_SITE,
        "city": "wuxi",
        "red_site": "bo-gu-residence",
        "spirits": ["yanan-spirit"],
        "operator": "wuxi-culture-tourism-group",
        "intro": (
            "博古生于无锡，在延安清凉山主持《解放日报》和新华社。在他的旧居里体验当一天小记者。",
            "Bo Gu, born in Wuxi, ran Liberation Daily and Xinhua at Qingliang Hill in Yan'an. "
            "At his former residence pupils spend a day as young reporters.",
        ),
        "themes": ("新闻史、写作实践", "History of the press, writing practice"),
        "courses": [
            (
                ("小记者的一天", "A day as a young reporter"),
                "3",
                (UPPER, JUNIOR),
                [("写一篇短新闻", "Write a short news story")],
                (
                    "参观旧居后采访讲解员，分组编一期小报。",
                    "After the visit pupils interview a guide and make a class newspaper in groups.",
                ),
            ),
        ],
        "capacities": [40, 40],
    },
]


INDEX_EN = {
    "研学基地": "Study bases",
    "为中小学提供研学基地、营地和红色体验地：找到适合学生的课程，查看场次名额，在线预约。": (
        "Study bases, camps and red experience sites for primary and secondary schools: "
        "find a course for your class, see the seats left and book online."
    ),
}


SAFETY = (
    "全程须由带队老师看管学生；请穿运动鞋，带水和帽子。基地设医务点。",
    "Accompanying teachers supervise pupils at all times; wear trainers and bring water and "
    "a hat. The base has a first-aid point.",
)


ACCESS = (
    "主要展区有坡道和无障碍卫生间，可借用轮椅。",
    "The main areas have ramps and an accessible toilet; wheelchairs can be borrowed.",
)


BODY = (
    "基地按《研学旅行服务规范》（LB/T 054-2016）接待学校团队，每个场次配专职研学导师。",
    "The base receives school groups following the study-tour service standard LB/T 054-2016, "
    "with a dedicated study-tour tutor for each session.",
)


def load(demo):
    t = Texts(INDEX_EN)
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    index = demo.page(
        home,
        StudyBaseIndexPage,
        "study-bases",
        t,
        title="研学基地",
        intro="为中小学提供研学基地、营地和红色体验地：找到适合学生的课程，查看场次名额，在线预约。",
        image=demo.image("study-bases", "研学基地", "Study bases"),
        show_in_menus=True,
    )
    source = {"locale": demo.source_locale}
    for data in BASES:
        page = _load_base(demo, index, data, source)
        _load_sessions(page, data)
    _load_bookings(source)
    return index


def _load_base(demo, index, data, source):
    t = Texts()
    red_site = RedSitePage.objects.filter(slug=data["red_site"], **source).first()
    operator = data["operator"] and Partner.objects.filter(slug=data["operator"], **source).first()
    courses = [_course(t, data["slug"], *course) for course in data["courses"]]
    return demo.page(
        index,
        StudyBasePage,
        data["slug"],
        t,
        title=t(*data["title"]),
        kind=data["kind"],
        intro=t(*data["intro"]),
        image=demo.image(f"base-{data['slug']}", data["title"][0], data["title"][1]),
        body=t.p(BODY),
        city=data["city"],
        red_site=red_site,
        spirits=list(Spirit.objects.filter(slug__in=data["spirits"], **source)),
        themes=t(*data["themes"]),
        operator=operator or None,
        courses=json.dumps(courses, ensure_ascii=False),
        has_meals=data.get("has_meals", False),
        has_accommodation=data.get("has_accommodation", False),
        beds=data.get("beds"),
        accessibility=t(*ACCESS),
        safety_notes=t.p(SAFETY),
        staff_email=f"{data['slug']}@example.cn",
    )


def _load_sessions(page, data):
    if page.sessions.exists():
        return
    today = timezone.localdate()
    course_ids = [block.id for block in page.courses]
    for i, capacity in enumerate(data["capacities"]):
        date = today + datetime.timedelta(days=10 + 14 * i)
        StudySession.objects.create(
            base=page,
            date=date,
            start_time=datetime.time(9, 0),
            end_time=datetime.time(15, 30) if page.kind != BaseKind.CAMP else datetime.time(17, 0),
            course_block_id=course_ids[i % len(course_ids)],
            capacity=capacity,
            booking_deadline=date - datetime.timedelta(days=3),
        )


DEMO_BOOKINGS = [
    # base slug, session index, school, pupils, adults, band, status, language
    (
        "memorial-hall-study-base",
        0,
        "无锡市第一中学",
        45,
        6,
        JUNIOR,
        BookingStatus.CONFIRMED,
        "zh-hans",
    ),
    (
        "memorial-hall-study-base",
        0,
        "延安市实验小学",
        30,
        6,
        UPPER,
        BookingStatus.REQUESTED,
        "zh-hans",
    ),
    (
        "nanniwan-labour-camp",
        2,
        "Wuxi International School",
        30,
        3,
        SENIOR,
        BookingStatus.CONFIRMED,
        "en",
    ),
    (
        "nanniwan-labour-camp",
        2,
        "宝塔区第二中学",
        20,
        3,
        JUNIOR,
        BookingStatus.WAITLISTED,
        "zh-hans",
    ),
    ("zaoyuan-serve-the-people", 0, "延安中学", 40, 4, SENIOR, BookingStatus.DECLINED, "zh-hans"),
    (
        "wuxi-revolution-hall-study-base",
        1,
        "梁溪区育红小学",
        35,
        6,
        UPPER,
        BookingStatus.CANCELLED,
        "zh-hans",
    ),
]


def _load_bookings(source):
    for slug, index, school, pupils, adults, band, status, language in DEMO_BOOKINGS:
        base = StudyBasePage.objects.filter(slug=slug, **source).first()
        sessions = list(base.sessions.order_by("date")) if base else []
        if len(sessions) <= index or Booking.objects.filter(school_name=school).exists():
            continue
        Booking.objects.create(
            session=sessions[index],
            school_name=school,
            contact_name="王老师" if language != "en" else "Ms Chen",
            contact_role="年级组长" if language != "en" else "Head of year",
            phone="13912345678",
            email="teacher@example.cn",
            age_band=band,
            pupils=pupils,
            adults=adults,
            meals=Meals.LUNCH if base.has_meals else Meals.NONE,
            arrival_mode=ArrivalMode.COACH,
            consent=True,
            language=language,
            status=status,
        )
