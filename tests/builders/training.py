"""Cadre training: the programme listing, two-stage programmes, cohorts, enquiry forms."""

import datetime
import json
import uuid

from education.models import TrainingCohort, TrainingProgrammeIndexPage, TrainingProgrammePage

from .tourism import (
    days_from_today,
    make_partner,
    make_red_site,
    make_red_site_index,
    make_spirit,
)
from .words import ENGLISH


def make_stage_content(demo, home):
    """What stages refer to: a spirit, an institution and a red site in each city."""
    index = make_red_site_index(demo, home)
    return {
        "spirit": make_spirit(demo, "yanan-spirit", "延安精神", "自力更生，艰苦奋斗。"),
        "celay": make_partner(
            demo, "celay", "中国延安干部学院", "延安干部学院", "yanan", kind="academy"
        ),
        "jiangnan": make_partner(
            demo, "jiangnan-university", "江南大学", "江南大学", "wuxi", kind="university"
        ),
        "baota": make_red_site(demo, index, "baota-hill", "宝塔山", 36.594, 109.5),
        "bo_gu": make_red_site(
            demo, index, "bo-gu-residence", "秦邦宪旧居", 31.58, 120.3, city="wuxi"
        ),
    }


def make_programme_index(demo, home):
    return demo.page(
        home,
        TrainingProgrammeIndexPage,
        "cadre-training",
        ENGLISH,
        title="干部培训",
        intro="两段式培训。",
    )


def _item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def module(n, day=1, site=None, kind="lecture"):
    """Module number `n` of a stage: a lecture, or `on_site` at a red site."""
    return {
        "day": day,
        "title": f"模块{n}",
        "format": kind,
        "hours": 3,
        "red_site": site.pk if site else None,
        "description": "学员做什么。",
    }


def stages(
    content, yanan_modules, wuxi_modules, yanan_days=5, wuxi_days=2, cities=("yanan", "wuxi")
):
    """StreamField JSON of the two stages."""
    titles = {"yanan": "延安党性锻炼", "wuxi": "无锡能力提升"}
    institutions = {"yanan": content["celay"], "wuxi": content["jiangnan"]}
    return json.dumps(
        [
            {
                "type": "stage",
                "id": str(uuid.uuid4()),
                "value": {
                    "city": city,
                    "title": titles[city],
                    "days": days,
                    "institutions": [_item(institutions[city].pk)],
                    "modules": [_item(m) for m in modules],
                },
            }
            for city, days, modules in zip(
                cities, (yanan_days, wuxi_days), (yanan_modules, wuxi_modules), strict=True
            )
        ],
        ensure_ascii=False,
    )


def minimal_stage(city, title):
    """A one-day stage of one lecture, as StreamField data, for pages built without `Demo`."""
    module = {"day": 1, "title": "现场教学", "format": "lecture", "hours": "3.0", "description": ""}
    value = {"city": city, "title": title, "days": 1, "institutions": [], "modules": [module]}
    return {"type": "stage", "value": value}


def programme_fields(content, n=1, yanan_modules=None, wuxi_modules=None, **overrides):
    """Fields of Chinese programme number `n`, and the English of its own strings."""
    if yanan_modules is None:
        yanan_modules = [
            module(1, day=1, site=content["baota"], kind="on_site"),
            module(2, day=1),
            module(3, day=2),
        ]
    if wuxi_modules is None:
        wuxi_modules = [module(4, day=1, site=content["bo_gu"], kind="on_site"), module(5, day=2)]
    english = ENGLISH | {
        f"测试培训项目{n}": f"Test programme {n}",
        **{
            f"模块{m['title'][2:]}": f"Module {m['title'][2:]}"
            for m in yanan_modules + wuxi_modules
        },
    }
    fields = {
        "title": f"测试培训项目{n}",
        "summary": "七天两段式培训。",
        "audiences": ["county_cadres", "young_cadres"],
        "min_group_size": 20,
        "max_group_size": 40,
        "total_days": 7,
        "spirits": [content["spirit"]],
        "outcomes": json.dumps(
            [{"type": "item", "value": "讲清楚延安精神", "id": str(uuid.uuid4())}],
            ensure_ascii=False,
        ),
        "stages": stages(content, yanan_modules, wuxi_modules),
        "enquiry_email": "training-staff@example.cn",
    }
    fields.update(overrides)
    return fields, english


def make_programme(demo, index, content, n=1, **overrides):
    fields, english = programme_fields(content, n, **overrides)
    return demo.page(index, TrainingProgrammePage, f"programme-{n}", english, **fields)


def make_cohort(programme, start_in=30, capacity=40, deadline_in=14, **fields):
    """A cohort starting in `start_in` days: five days in Yan'an, then two in Wuxi."""
    start = days_from_today(start_in)
    values = {
        "yanan_start": start,
        "yanan_end": start + datetime.timedelta(days=4),
        "wuxi_start": start + datetime.timedelta(days=5),
        "wuxi_end": start + datetime.timedelta(days=6),
        "capacity": capacity,
        "booking_deadline": days_from_today(deadline_in),
        **fields,
    }
    return TrainingCohort.objects.create(programme=programme, **values)


def enquiry_data(key="7d1f6a5e-6b1a-4f43-9a55-8b2f7b1a0c01", **overrides):
    """POST data of a valid enquiry form."""
    data = {
        "idempotency_key": key,
        "website": "",
        "organisation": "无锡市梁溪区委组织部",
        "contact_name": "李明",
        "contact_role": "干部科科长",
        "phone": "0510-8123 4567",
        "email": "org@example.cn",
        "participants": "30",
        "preferred_months": ["5", "6"],
        "notes": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def enquire_url(page):
    return page.url + page.reverse_subpage("enquire")
