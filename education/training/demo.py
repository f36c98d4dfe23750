"""Demo cadre training programmes: "Party-spirit tempering in Yan'an + capability
improvement in Wuxi", with modules at the demo red sites and cohorts dated
from today (so the demo never goes stale)."""

import datetime
import json
import uuid

from django.utils import timezone

from core.demo import Texts
from education.models.cohorts import TrainingCohort
from education.models.training import TrainingProgrammeIndexPage, TrainingProgrammePage
from home.models import HomePage
from tourism.models import Partner, RedSitePage, Spirit

# Stable block ids: translations find their segments by id on every run.
NAMESPACE = uuid.UUID("0c5e2b8a-3f71-4d0a-9a44-6f1e2d3c4b5a")


ON_SITE, LECTURE, CASE, EXPERIENTIAL, SEMINAR, VISIT = (
    "on_site",
    "lecture",
    "case_study",
    "experiential",
    "seminar",
    "field_visit",
)


def _id(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


# Each stage: (city, title, days, institution slugs, modules); each module:
# (day, (zh, en) title, format, hours, red site slug or "", (zh, en) description).
PROGRAMMES = [
    {
        "slug": "county-cadres-seven-days",
        "title": (
            "县处级干部党性锻炼与能力提升班",
            "Party spirit and capability course for county-level cadres",
        ),
        "summary": (
            "七天两段式培训：在延安五天锤炼党性，到无锡两天学习苏南发展与治理经验。",
            "Seven days in two stages: five days of Party-spirit tempering in Yan'an, then two "
            "days in Wuxi learning from southern Jiangsu's development and governance.",
        ),
        "audiences": ["county_cadres", "state_enterprise"],
        "group": (30, 50),
        "spirits": ["yanan-spirit", "zhang-side-spirit"],
        "outcomes": [
            (
                "把延安精神的内涵讲清楚，并联系本职工作",
                "Explain the Yan'an Spirit and relate it to one's own work",
            ),
            ("完成一份个人党性分析报告", "Write a personal Party-spirit self-assessment"),
            (
                "带回一个可借鉴的苏南治理案例",
                "Bring home one governance case from southern Jiangsu",
            ),
        ],
        "stages": [
            (
                "yanan",
                ("延安党性锻炼", "Party-spirit tempering in Yan'an"),
                5,
                ["celay"],
                [
                    (
                        1,
                        (
                            "开班式与专题讲座：延安精神的时代价值",
                            "Opening and lecture: the Yan'an Spirit today",
                        ),
                        LECTURE,
                        3,
                        "",
                        (
                            "学院教授讲授延安精神的形成与内涵。",
                            "A professor of the academy on how the Yan'an Spirit arose and what it means.",
                        ),
                    ),
                    (
                        1,
                        ("宝塔山：延安的象征", "Baota Hill: the symbol of Yan'an"),
                        ON_SITE,
                        2,
                        "baota-hill",
                        (
                            "登宝塔山，俯瞰延安城，讲述延安十三年。",
                            "Climbing Baota Hill above the city to hear the story of Yan'an's thirteen years.",
                        ),
                    ),
                    (
                        2,
                        (
                            "杨家岭：七大与实事求是",
                            "Yangjialing: the Seventh Congress and seeking truth from facts",
                        ),
                        ON_SITE,
                        3,
                        "yangjialing",
                        (
                            "在中央大礼堂学习党的七大历史。",
                            "The history of the Seventh Party Congress in its auditorium.",
                        ),
                    ),
                    (
                        2,
                        ("延安革命纪念馆", "Yan'an Revolutionary Memorial Hall"),
                        VISIT,
                        3,
                        "memorial-hall",
                        (
                            "分组参观展厅，完成学习任务单。",
                            "Groups visit the galleries with a study sheet.",
                        ),
                    ),
                    (
                        3,
                        ("枣园：全心全意为人民服务", "Zaoyuan: serving the people wholeheartedly"),
                        ON_SITE,
                        3,
                        "zaoyuan",
                        (
                            "在“为人民服务”广场重温讲话。",
                            "Rereading \u201cServe the People\u201d on the square that bears its name.",
                        ),
                    ),
                    (
                        3,
                        (
                            "张思德纪念地：平凡岗位的奉献",
                            "Zhang Side memorial: dedication in ordinary work",
                        ),
                        ON_SITE,
                        3,
                        "zhang-side-memorial",
                        (
                            "在安塞缅怀张思德，讨论基层干部的担当。",
                            "Remembering Zhang Side in Ansai and discussing what grassroots duty means.",
                        ),
                    ),
                    (
                        4,
                        ("南泥湾：自力更生、艰苦奋斗", "Nanniwan: self-reliance and hard struggle"),
                        EXPERIENTIAL,
                        4,
                        "nanniwan",
                        (
                            "体验开荒劳动，学唱《南泥湾》。",
                            "Working the land as the 359th Brigade did and learning the song \u201cNanniwan\u201d.",
                        ),
                    ),
                    (
                        5,
                        ("梁家河：知青岁月与初心", "Liangjiahe: the educated-youth years"),
                        VISIT,
                        4,
                        "liangjiahe",
                        (
                            "走访村史馆和知青旧居。",
                            "A visit to the village history hall and the educated youths' cave dwellings.",
                        ),
                    ),
                    (
                        5,
                        ("党性分析研讨", "Party-spirit seminar"),
                        SEMINAR,
                        3,
                        "",
                        (
                            "每位学员交流党性分析报告。",
                            "Each participant presents a self-assessment.",
                        ),
                    ),
                ],
            ),
            (
                "wuxi",
                ("无锡能力提升", "Capability improvement in Wuxi"),
                2,
                ["jiangnan-university"],
                [
                    (
                        1,
                        ("专题讲座：苏南发展经验", "Lecture: the development of southern Jiangsu"),
                        LECTURE,
                        3,
                        "",
                        (
                            "从乡镇企业到先进制造业的发展之路。",
                            "From township enterprises to advanced manufacturing.",
                        ),
                    ),
                    (
                        1,
                        (
                            "秦邦宪（博古）旧居：从无锡到延安",
                            "Former residence of Bo Gu: from Wuxi to Yan'an",
                        ),
                        ON_SITE,
                        2,
                        "bo-gu-residence",
                        (
                            "博古在延安主持《解放日报》和新华社，两座城市的红色纽带。",
                            "Bo Gu ran Liberation Daily and Xinhua in Yan'an: a red link between the two cities.",
                        ),
                    ),
                    (
                        2,
                        (
                            "案例教学：营商环境与产业升级",
                            "Case study: business environment and industrial upgrading",
                        ),
                        CASE,
                        3,
                        "",
                        ("分析无锡开发区的两个案例。", "Two cases from Wuxi's development zones."),
                    ),
                    (
                        2,
                        ("结业研讨", "Closing seminar"),
                        SEMINAR,
                        2,
                        "",
                        (
                            "每组提出一项回到本地可做的改进。",
                            "Each group proposes one change to make back home.",
                        ),
                    ),
                ],
            ),
        ],
        "cohorts": [(30, 50, 14), (75, 40, 55)],
    },
    {
        "slug": "rural-revitalisation",
        "title": ("乡村振兴专题培训班", "Rural revitalisation course"),
        "summary": (
            "在延安学习南泥湾精神和梁家河的变迁，到无锡学习村级治理、网格化管理和农村信用体系建设。",
            "Learn the Nanniwan Spirit and the changes of Liangjiahe in Yan'an, then study Wuxi's "
            "village governance, grid management and rural credit.",
        ),
        "audiences": ["grassroots_cadres"],
        "group": (20, 40),
        "spirits": ["nanniwan-spirit"],
        "outcomes": [
            (
                "了解无锡村级治理和网格化管理的做法",
                "Know how Wuxi runs village governance and grid management",
            ),
            (
                "为本村制定一份产业或信用建设计划",
                "Draft an industry or credit plan for one's own village",
            ),
        ],
        "stages": [
            (
                "yanan",
                ("延安党性锻炼", "Party-spirit tempering in Yan'an"),
                3,
                ["celay"],
                [
                    (
                        1,
                        (
                            "南泥湾：从荒地到“陕北好江南”",
                            "Nanniwan: from wasteland to a \u201cJiangnan of northern Shaanxi\u201d",
                        ),
                        EXPERIENTIAL,
                        4,
                        "nanniwan",
                        (
                            "体验开荒劳动，了解南泥湾今天的湿地和农业。",
                            "Working the land and seeing today's wetland and farming at Nanniwan.",
                        ),
                    ),
                    (
                        2,
                        ("梁家河：一个村庄的变迁", "Liangjiahe: how a village changed"),
                        VISIT,
                        4,
                        "liangjiahe",
                        (
                            "与村干部座谈，了解产业发展。",
                            "A talk with village cadres about local industry.",
                        ),
                    ),
                    (
                        3,
                        ("枣园：为人民服务", "Zaoyuan: serving the people"),
                        ON_SITE,
                        3,
                        "zaoyuan",
                        (
                            "重温《为人民服务》，讨论基层干部的作风。",
                            "Rereading \u201cServe the People\u201d and discussing how cadres should work.",
                        ),
                    ),
                ],
            ),
            (
                "wuxi",
                ("无锡能力提升", "Capability improvement in Wuxi"),
                3,
                ["jiangnan-university"],
                [
                    (
                        1,
                        ("现场考察：村级治理", "Field visit: village governance"),
                        VISIT,
                        4,
                        "",
                        (
                            "走访一个村的党群服务中心和村务公开。",
                            "A village's Party and public service centre and how it publishes village affairs.",
                        ),
                    ),
                    (
                        2,
                        ("案例教学：网格化管理", "Case study: grid management"),
                        CASE,
                        3,
                        "",
                        (
                            "网格员如何在一天内发现、上报和解决问题。",
                            "How grid workers find, report and solve problems within a day.",
                        ),
                    ),
                    (
                        2,
                        ("专题讲座：农村信用体系建设", "Lecture: building rural credit"),
                        LECTURE,
                        3,
                        "",
                        (
                            "信用村评定与农户小额贷款。",
                            "Rating credit villages and small loans to farming households.",
                        ),
                    ),
                    (
                        3,
                        (
                            "江南大学：现代农业与食品产业",
                            "Jiangnan University: modern agriculture and food",
                        ),
                        LECTURE,
                        3,
                        "",
                        (
                            "对口合作中的农业科技支持。",
                            "Agricultural science support under the paired cooperation.",
                        ),
                    ),
                ],
            ),
        ],
        "cohorts": [(45, 40, 30)],
    },
    {
        "slug": "young-cadres",
        "title": ("年轻干部理想信念教育班", "Ideals and convictions course for young cadres"),
        "summary": (
            "五天培训：在延安走进抗大、鲁艺和清凉山，到无锡寻访张闻天和东林书院。",
            "Five days: Kangda, the Lu Xun Academy and Qingliang Hill in Yan'an, then Zhang "
            "Wentian's residence and the Donglin Academy in Wuxi.",
        ),
        "audiences": ["young_cadres", "teachers"],
        "group": (25, 45),
        "spirits": ["yanan-spirit"],
        "outcomes": [
            (
                "讲述一位延安时期青年的故事",
                "Tell the story of one young person of the Yan'an years",
            ),
            ("写下自己的成长计划", "Write a personal growth plan"),
        ],
        "stages": [
            (
                "yanan",
                ("延安党性锻炼", "Party-spirit tempering in Yan'an"),
                3,
                ["celay"],
                [
                    (
                        1,
                        ("抗大纪念馆：青年的学校", "Kangda Memorial Hall: a school for the young"),
                        ON_SITE,
                        3,
                        "kangda",
                        (
                            "了解抗日军政大学的办学和学员。",
                            "How the Anti-Japanese Military and Political University taught its students.",
                        ),
                    ),
                    (
                        2,
                        ("鲁艺旧址：文艺为人民", "Lu Xun Academy site: art for the people"),
                        ON_SITE,
                        3,
                        "luyi",
                        (
                            "在桥儿沟旧址学习延安文艺座谈会精神。",
                            "The Yan'an Forum on Literature and Art, at the Qiaoergou site.",
                        ),
                    ),
                    (
                        3,
                        ("清凉山：新闻战线", "Qingliang Hill: the news front"),
                        ON_SITE,
                        3,
                        "qingliang-hill",
                        (
                            "新华社和《解放日报》在这里的工作。",
                            "Xinhua and Liberation Daily at work here.",
                        ),
                    ),
                    (
                        3,
                        ("青年干部座谈", "Young cadres' seminar"),
                        SEMINAR,
                        2,
                        "",
                        ("交流理想信念与岗位职责。", "Ideals, convictions and everyday duties."),
                    ),
                ],
            ),
            (
                "wuxi",
                ("无锡能力提升", "Capability improvement in Wuxi"),
                2,
                ["jiangnan-university"],
                [
                    (
                        1,
                        ("张闻天旧居", "Former residence of Zhang Wentian"),
                        ON_SITE,
                        2,
                        "zhang-wentian-residence",
                        (
                            "延安时期的党的领导人晚年在无锡的生活。",
                            "The late years in Wuxi of a Party leader of the early Yan'an period.",
                        ),
                    ),
                    (
                        1,
                        ("无锡革命陈列馆", "Wuxi Revolutionary Exhibition Hall"),
                        VISIT,
                        2,
                        "wuxi-revolution-hall",
                        ("无锡的革命历史。", "The revolutionary history of Wuxi."),
                    ),
                    (
                        2,
                        (
                            "东林书院：家事国事天下事",
                            "Donglin Academy: family, country and the world",
                        ),
                        ON_SITE,
                        2,
                        "donglin-academy",
                        (
                            "从“风声雨声读书声”谈青年的责任。",
                            "Young people's duty, from the academy's famous couplet.",
                        ),
                    ),
                ],
            ),
        ],
        "cohorts": [(60, 45, 40), (100, 45, 80)],
    },
]


INDEX_TEXT = {
    "title": ("干部培训", "Cadre training"),
    "intro": (
        "延安党性锻炼 + 无锡能力提升：为县乡干部、年轻干部、国企管理人员和教师设计的两段式培训项目。",
        "Party-spirit tempering in Yan'an + capability improvement in Wuxi: two-stage "
        "programmes for county and township cadres, young cadres, state enterprise managers "
        "and teachers.",
    ),
}


def load(demo):
    t = Texts()
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    index = demo.page(
        home,
        TrainingProgrammeIndexPage,
        "cadre-training",
        t,
        title=t(*INDEX_TEXT["title"]),
        intro=t(*INDEX_TEXT["intro"]),
        image=demo.image("cadre-training", *INDEX_TEXT["title"]),
        show_in_menus=True,
    )
    source = {"locale": demo.source_locale}
    sites = {page.slug: page.pk for page in RedSitePage.objects.filter(**source)}
    partners = {p.slug: p.pk for p in Partner.objects.filter(**source)}
    for data in PROGRAMMES:
        page = _load_programme(demo, index, data, sites, partners, source)
        _load_cohorts(page, data)
    return index


def _stream(t, data, sites, partners):
    slug = data["slug"]
    stages = []
    for number, (city, title, days, institutions, modules) in enumerate(data["stages"]):
        stages.append(
            {
                "type": "stage",
                "id": _id(slug, number),
                "value": {
                    "city": city,
                    "title": t(*title),
                    "days": days,
                    "institutions": [
                        {"type": "item", "value": partners[p], "id": _id(slug, number, p)}
                        for p in institutions
                        if p in partners
                    ],
                    "modules": [
                        {
                            "type": "item",
                            "id": _id(slug, number, name[1]),
                            "value": {
                                "day": day,
                                "title": t(*name),
                                "format": kind,
                                "hours": hours,
                                "red_site": sites.get(site),
                                "description": t(*description),
                            },
                        }
                        for day, name, kind, hours, site, description in modules
                    ],
                },
            }
        )
    return json.dumps(stages, ensure_ascii=False)


def _load_programme(demo, index, data, sites, partners, source):
    t = Texts()
    outcomes = [
        {"type": "item", "value": t(*item), "id": _id(data["slug"], "outcome", item[1])}
        for item in data["outcomes"]
    ]
    stages = _stream(t, data, sites, partners)
    page = demo.page(
        index,
        TrainingProgrammePage,
        data["slug"],
        t,
        title=t(*data["title"]),
        summary=t(*data["summary"]),
        image=demo.image(f"training-{data['slug']}", *data["title"]),
        audiences=data["audiences"],
        min_group_size=data["group"][0],
        max_group_size=data["group"][1],
        total_days=sum(stage[2] for stage in data["stages"]),
        spirits=list(Spirit.objects.filter(slug__in=data["spirits"], **source)),
        outcomes=json.dumps(outcomes, ensure_ascii=False),
        stages=stages,
        enquiry_email="training@example.cn",
    )
    return page


def _load_cohorts(page, data):
    if page.cohorts.exists():
        return
    today = timezone.localdate()
    yanan_days = data["stages"][0][2]
    wuxi_days = data["stages"][1][2]
    for start_in, seats, deadline_in in data["cohorts"]:
        yanan_start = today + datetime.timedelta(days=start_in)
        yanan_end = yanan_start + datetime.timedelta(days=yanan_days - 1)
        # The afternoon flight or an evening train: Wuxi starts the next morning.
        wuxi_start = yanan_end + datetime.timedelta(days=1)
        TrainingCohort.objects.create(
            programme=page,
            yanan_start=yanan_start,
            yanan_end=yanan_end,
            wuxi_start=wuxi_start,
            wuxi_end=wuxi_start + datetime.timedelta(days=wuxi_days - 1),
            capacity=seats,
            booking_deadline=today + datetime.timedelta(days=deadline_in),
        )
