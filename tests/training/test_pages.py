"""Programme pages: structure, the two stages in order in both languages, cohorts,
validation of the plan, JSON-LD and query counts."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from education.models import TrainingEnquiry, TrainingProgrammeIndexPage, TrainingProgrammePage
from education.models.seats import OccasionStatus
from education.training.choices import EnquiryStatus
from home.models import HomePage
from tests.builders import (
    enquire_url,
    make_cohort,
    make_programme,
    module,
    programme_fields,
    stages,
)
from tests.utils import english_of, json_ld

pytestmark = pytest.mark.django_db


def stage_form_data(content, page):
    """The editor's form data for a page's stages (StreamFields render client-side)."""
    data = []
    for stage in page.raw_stages():
        modules = [item["value"] for item in stage["modules"]]
        data.append(
            (
                "stage",
                {
                    "city": stage["city"],
                    "title": stage["title"],
                    "days": str(stage["days"]),
                    "institutions": streamfield(
                        [("item", str(item["value"])) for item in stage["institutions"]]
                    ),
                    "modules": streamfield(
                        [
                            (
                                "item",
                                {
                                    **{k: str(v) for k, v in m.items() if v is not None},
                                    "red_site": str(m["red_site"] or ""),
                                },
                            )
                            for m in modules
                        ]
                    ),
                },
            )
        )
    return streamfield(data)


def test_tree_rules(page_checks):
    page_checks.assertCanCreateAt(HomePage, TrainingProgrammeIndexPage)
    page_checks.assertCanCreateAt(TrainingProgrammeIndexPage, TrainingProgrammePage)
    page_checks.assertCanNotCreateAt(HomePage, TrainingProgrammePage)
    page_checks.assertCanNotCreateAt(Page, TrainingProgrammeIndexPage)
    page_checks.assertAllowedParentPageTypes(TrainingProgrammeIndexPage, {HomePage})
    page_checks.assertAllowedParentPageTypes(TrainingProgrammePage, {TrainingProgrammeIndexPage})
    page_checks.assertAllowedSubpageTypes(TrainingProgrammeIndexPage, {TrainingProgrammePage})
    page_checks.assertAllowedSubpageTypes(TrainingProgrammePage, set())


def test_pages_route_and_render_in_both_languages(page_checks, subtests, training):
    cohort = make_cohort(training.programme)
    pages = [training.index, training.english_index, training.programme, training.english_programme]
    for page in pages:
        with subtests.test(page=page.url):
            page_checks.assertPageIsRoutable(page)
            page_checks.assertPageIsRenderable(page)
    for page in (training.index, training.programme):
        page_checks.assertPageIsRoutable(page, "enquire/")
        page_checks.assertPageIsRenderable(page, "enquire/", query_data={"cohort": cohort.pk})


def test_index_is_previewable_and_editable(client, page_checks, training):
    client.force_login(training.admin)
    data = nested_form_data(
        {
            "title": training.index.title,
            "slug": training.index.slug,
            "intro": rich_text(training.index.intro),
        }
    )
    page_checks.assertPageIsPreviewable(training.index, post_data=data)
    page_checks.assertPageIsEditable(training.index, post_data=data)


def test_programme_is_previewable_and_editable(client, page_checks, training):
    client.force_login(training.admin)
    page = training.programme
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": rich_text("<p>项目介绍。</p>"),
            "min_group_size": "20",
            "max_group_size": "40",
            "total_days": "7",
            "outcomes": streamfield([("item", "讲清楚延安精神")]),
            "stages": stage_form_data(training.content, page),
            "enquiry_email": page.enquiry_email,
            "cohorts": inline_formset([]),
        }
    )
    data["audiences"] = ["county_cadres"]
    data["spirits"] = [str(training.content["spirit"].pk)]
    page_checks.assertPageIsPreviewable(page, post_data=data)
    page_checks.assertPageIsEditable(page, post_data=data)


def test_editor_sees_tabs(client, training):
    client.force_login(training.admin)
    html = client.get(f"/admin/pages/{training.programme.pk}/edit/").content.decode()
    for tab in ["内容", "班期", "推广与SEO", "设置"]:
        assert f">{tab}<" in html or tab in html


def build(training, **overrides):
    fields, _english = programme_fields(training.content, n=9, **overrides)
    return TrainingProgrammePage(slug="p9", locale=training.index.locale, **fields)


def test_total_days_must_equal_the_sum_of_stage_days(training):
    page = build(training, total_days=8)
    with pytest.raises(ValidationError) as raised:
        page.full_clean(exclude=["path", "depth"])
    assert raised.value.message_dict["total_days"] == [
        "总天数（8）须等于两个阶段天数之和（5 + 2 = 7）。"
    ]


def test_yanan_must_come_first(training):
    page = build(
        training,
        stages=stages(training.content, [module(1)], [module(2)], cities=("wuxi", "yanan")),
    )
    with pytest.raises(ValidationError) as raised:
        page.full_clean(exclude=["path", "depth"])
    assert "第一阶段须在延安，第二阶段须在无锡" in str(raised.value)


def test_a_module_cannot_fall_after_the_stage(training):
    page = build(training, stages=stages(training.content, [module(1, day=6)], [module(2)]))
    with pytest.raises(ValidationError) as raised:
        page.full_clean(exclude=["path", "depth"])
    assert "本阶段共 5 天，但这些模块排在之后：模块1" in str(raised.value)


def test_group_size_range(training):
    page = build(training, min_group_size=50, max_group_size=40)
    with pytest.raises(ValidationError) as raised:
        page.full_clean(exclude=["path", "depth"])
    assert "max_group_size" in raised.value.message_dict


def test_cohort_dates_in_order(training):
    cohort = make_cohort(training.programme)
    cohort.wuxi_start = cohort.yanan_start
    cohort.booking_deadline = cohort.wuxi_end
    with pytest.raises(ValidationError) as raised:
        cohort.full_clean()
    assert set(raised.value.message_dict) == {"wuxi_start", "booking_deadline"}


def test_admin_form_shows_the_days_message(client, training):
    client.force_login(training.admin)
    data = nested_form_data(
        {
            "title": "新项目",
            "slug": "new-programme",
            "summary": "摘要",
            "body": rich_text(""),
            "min_group_size": "20",
            "max_group_size": "40",
            "total_days": "9",
            "outcomes": streamfield([]),
            "stages": stage_form_data(training.content, training.programme),
            "enquiry_email": "",
            "cohorts": inline_formset([]),
        }
    )
    data["audiences"] = ["county_cadres"]
    response = client.post(
        f"/admin/pages/add/education/trainingprogrammepage/{training.index.pk}/", data
    )
    assert response.status_code == 200
    assert "总天数（9）须等于两个阶段天数之和（5 + 2 = 7）。" in response.content.decode()
    assert not TrainingProgrammePage.objects.filter(slug="new-programme").exists()


def test_cohort_dates_must_match_the_stage_days(client, training):
    client.force_login(training.admin)
    cohort = make_cohort(training.programme)
    page = training.programme
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": rich_text(""),
            "min_group_size": "20",
            "max_group_size": "40",
            "total_days": "7",
            "outcomes": streamfield([]),
            "stages": stage_form_data(training.content, page),
            "enquiry_email": "",
            "cohorts": inline_formset(
                [
                    {
                        "id": str(cohort.pk),
                        "yanan_start": f"{cohort.yanan_start:%Y-%m-%d}",
                        # Six days in Yan'an where the stage has five.
                        "yanan_end": f"{cohort.wuxi_start:%Y-%m-%d}",
                        "wuxi_start": f"{cohort.wuxi_end:%Y-%m-%d}",
                        "wuxi_end": f"{cohort.wuxi_end:%Y-%m-%d}",
                        "capacity": "40",
                        "booking_deadline": f"{cohort.booking_deadline:%Y-%m-%d}",
                        "status": "open",
                    }
                ],
                initial=1,
            ),
        }
    )
    data["audiences"] = ["county_cadres"]
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "延安阶段共 5 天，这一期的日期是 6 天。" in html
    assert "无锡阶段共 2 天，这一期的日期是 1 天。" in html


def page_html(client, page):
    """The page's main content (the JSON-LD in the head repeats the plan)."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_stages_and_modules_in_order_in_both_languages(client, training):
    html = page_html(client, training.programme)
    order = [
        html.index(s)
        for s in ["延安党性锻炼", "模块1", "模块2", "模块3", "无锡能力提升", "模块4", "模块5"]
    ]
    assert order == sorted(order)
    assert "第1天" in html and "第2天" in html
    english = page_html(client, training.english_programme)
    order = [
        english.index(s)
        for s in [
            "Party-spirit tempering in Yan&#x27;an",
            "Module 1",
            "Module 2",
            "Module 3",
            "Capability improvement in Wuxi",
            "Module 4",
            "Module 5",
        ]
    ]
    assert order == sorted(order)
    assert "Day 1" in english
    assert "模块" not in english


def test_modules_link_to_red_sites_in_the_visitors_language(client, training):
    assert '<a href="/zh-hans/red-sites/baota-hill/">宝塔山</a>' in page_html(
        client, training.programme
    )
    english = page_html(client, training.english_programme)
    assert '<a href="/en/red-sites/baota-hill/">Baota Hill</a>' in english
    assert "China Executive Leadership Academy Yan&#x27;an" in english
    assert "Jiangnan University" in english


def test_cohorts_past_their_deadline_closed_or_cancelled_are_not_offered(client, training):
    offered = make_cohort(training.programme, start_in=30, deadline_in=10)
    today_deadline = make_cohort(training.programme, start_in=20, deadline_in=0)
    past_deadline = make_cohort(training.programme, start_in=12, deadline_in=-1)
    closed = make_cohort(training.programme, start_in=40, status=OccasionStatus.CLOSED)
    cancelled = make_cohort(training.programme, start_in=50, status=OccasionStatus.CANCELLED)
    html = page_html(client, training.programme)
    for cohort in (offered, today_deadline):
        assert f"?cohort={cohort.pk}" in html
    for cohort in (past_deadline, closed, cancelled):
        assert f"?cohort={cohort.pk}" not in html
    form = client.get(enquire_url(training.programme)).content.decode()
    assert f'<option value="{offered.pk}"' in form
    assert f'<option value="{past_deadline.pk}"' not in form


def test_seats_left_count_agreed_enquiries_only(client, training):
    cohort = make_cohort(training.programme, capacity=40)
    for status, participants in [
        (EnquiryStatus.AGREED, 12),
        (EnquiryStatus.AGREED, 3),
        (EnquiryStatus.NEW, 20),
        (EnquiryStatus.CLOSED, 9),
    ]:
        TrainingEnquiry.objects.create(
            organisation="单位",
            contact_name="李",
            phone="13912345678",
            email="a@example.cn",
            participants=participants,
            programme=training.programme,
            cohort=cohort,
            status=status,
            consent=True,
        )
    row = re.search(
        rf"<tr>(?:(?!</tr>).)*\?cohort={cohort.pk}.*?</tr>",
        page_html(client, training.programme),
        re.S,
    )
    assert "25 个" in row.group(0)
    english = page_html(client, training.english_programme)
    assert "25 seats" in english


def test_cohorts_are_shared_by_the_translation_and_never_copied(training):
    cohort = make_cohort(training.programme)
    assert not training.english_programme.cohorts.exists()
    assert [c.pk for c in training.english_programme.offered_cohorts] == [cohort.pk]
    training.programme.save_revision().publish()
    training.demo.translate(training.programme, {})
    assert not training.english_programme.cohorts.exists()


def test_json_ld_educational_occupational_program(client, training):
    cohort = make_cohort(training.programme, capacity=40)
    data = json_ld(client.get(training.english_programme.url))
    assert data["@type"] == "EducationalOccupationalProgram"
    assert data["timeToComplete"] == "P7D"
    assert data["inLanguage"] == "en"
    assert {p["name"] for p in data["provider"]} == {
        "China Executive Leadership Academy Yan'an",
        "Jiangnan University",
    }
    yanan, wuxi = data["hasCourse"]
    assert yanan["@type"] == "Course"
    assert yanan["name"] == "Party-spirit tempering in Yan'an"
    assert yanan["provider"] == [
        {"@type": "Organization", "name": "China Executive Leadership Academy Yan'an"}
    ]
    (instance,) = yanan["hasCourseInstance"]
    assert instance["@type"] == "CourseInstance"
    assert instance["courseMode"] == "onsite"
    assert instance["startDate"] == cohort.yanan_start.isoformat()
    assert instance["endDate"] == cohort.yanan_end.isoformat()
    assert instance["location"] == {"@type": "Place", "name": "Yan'an"}
    (instance,) = wuxi["hasCourseInstance"]
    assert instance["startDate"] == cohort.wuxi_start.isoformat()
    assert instance["location"]["name"] == "Wuxi"
    assert data["applicationDeadline"] == cohort.booking_deadline.isoformat()


def test_index_lists_programmes_with_the_days_split(client, training):
    html = page_html(client, training.index)
    assert "测试培训项目1" in html
    assert "7天 · 延安5天 + 无锡2天" in html
    english = page_html(client, training.english_index)
    assert "Test programme 1" in english
    assert "7 days · Yan&#x27;an 5 days + Wuxi 2 days" in english
    assert json_ld(client.get(training.index.url))["@type"] == "CollectionPage"


def count(client, url):
    client.get(url)  # warm per-process caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_programme_page_constant_with_3_or_30_modules_and_cohorts(client, training):
    def programme(n, count):
        yanan = [
            module(i, day=1 + i % 5, site=training.content["baota"], kind="on_site")
            for i in range(count)
        ]
        wuxi = [
            module(100 + i, day=1 + i % 2, site=training.content["bo_gu"]) for i in range(count)
        ]
        page = make_programme(
            training.demo,
            training.index,
            training.content,
            n=n,
            yanan_modules=yanan,
            wuxi_modules=wuxi,
        )
        for i in range(count):
            cohort = make_cohort(page, start_in=20 + i)
            TrainingEnquiry.objects.create(
                organisation="单位",
                contact_name="李",
                phone="13912345678",
                email="a@example.cn",
                participants=2,
                programme=page,
                cohort=cohort,
                status=EnquiryStatus.AGREED,
                consent=True,
            )
        return page

    few_page, many_page = programme(2, 3), programme(3, 30)
    for page in (few_page, many_page):
        page.english = english_of(page)
    few = count(client, few_page.url)
    many = count(client, many_page.url)
    few_en = count(client, few_page.english.url)
    many_en = count(client, many_page.english.url)
    print(f"programme page queries: zh 3 modules/cohorts {few}, 30 {many}; en {few_en}, {many_en}")
    assert few == many
    assert few_en == many_en
    assert client.get(many_page.english.url).content.decode().count('class="module"') == 60


def test_index_constant_with_3_or_30_programmes(client, training):
    def add(first, last):
        # Plain live pages (no revisions, no translations): only the listing is measured.
        for n in range(first, last):
            fields, _english = programme_fields(training.content, n)
            training.index.add_child(
                instance=TrainingProgrammePage(
                    slug=f"programme-{n}", locale=training.index.locale, **fields
                )
            )

    add(2, 4)
    few = count(client, training.index.url)
    add(4, 31)
    many = count(client, training.index.url)
    print(f"index queries: 3 programmes {few}, 30 programmes {many}")
    assert few == many
    assert client.get(training.index.url).content.decode().count('class="card"') == 30
