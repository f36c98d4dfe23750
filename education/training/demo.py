"""Demo cadre training programmes with dated cohorts; the data is demo_data/programmes.toml."""

import datetime
from pathlib import Path

from core.demo import read, stream, take
from education.models.cohorts import TrainingCohort
from education.models.training import TrainingProgrammeIndexPage, TrainingProgrammePage
from home.models import HomePage
from tourism.models import Partner, RedSitePage, Spirit

DATA = Path(__file__).parent / "demo_data" / "programmes.toml"


def load(demo):
    data = read(DATA)
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    index = demo.listing(home, TrainingProgrammeIndexPage, data["index"], with_image=True)
    source = {"locale": demo.source_locale}
    sites = {page.slug: page.pk for page in RedSitePage.objects.filter(**source)}
    partners = {partner.slug: partner.pk for partner in Partner.objects.filter(**source)}
    for programme in data["programmes"]:
        page = _load_programme(demo, index, programme, sites, partners)
        _load_cohorts(demo, page, programme)
    return index


def _load_programme(demo, index, data, sites, partners):
    slug = data["slug"]
    stages = [
        (
            "stage",
            {
                **take(stage, "city", "title", "days"),
                "institutions": stream(
                    (("item", partners[p]) for p in stage["institutions"] if p in partners),
                    slug,
                    number,
                    "institutions",
                ),
                "modules": stream(
                    (
                        (
                            "item",
                            {
                                **take(module, "day", "title", "format", "hours", "description"),
                                "red_site": sites.get(module.get("red_site")),
                            },
                        )
                        for module in stage["modules"]
                    ),
                    slug,
                    number,
                    "modules",
                ),
            },
        )
        for number, stage in enumerate(data["stages"])
    ]
    return demo.page(
        index,
        TrainingProgrammePage,
        slug,
        **take(data, "title", "summary", "audiences", "min_group_size", "max_group_size"),
        image=demo.image(f"training-{slug}", data["title"]),
        total_days=sum(stage["days"] for stage in data["stages"]),
        spirits=list(Spirit.objects.filter(slug__in=data["spirits"], locale=demo.source_locale)),
        outcomes=stream((("item", outcome) for outcome in data["outcomes"]), slug, "outcomes"),
        stages=stream(stages, slug, "stages"),
        enquiry_email="training@example.cn",
    )


def _load_cohorts(demo, page, data):
    """The programme's cohorts, made once: a second run leaves them alone."""
    if page.cohorts.exists():
        return
    yanan_days, wuxi_days = (stage["days"] for stage in data["stages"])
    for cohort in data["cohorts"]:
        yanan_start = demo.date(cohort["yanan_start"])
        yanan_end = yanan_start + datetime.timedelta(days=yanan_days - 1)
        # The afternoon flight or an evening train: Wuxi starts the next morning.
        wuxi_start = yanan_end + datetime.timedelta(days=1)
        TrainingCohort.objects.create(
            programme=page,
            yanan_start=yanan_start,
            yanan_end=yanan_end,
            wuxi_start=wuxi_start,
            wuxi_end=wuxi_start + datetime.timedelta(days=wuxi_days - 1),
            capacity=cohort["capacity"],
            booking_deadline=demo.date(cohort["booking_deadline"]),
        )
