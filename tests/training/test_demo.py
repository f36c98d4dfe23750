import pytest

from education.models import TrainingProgrammePage
from education.training import demo as training_demo


@pytest.mark.django_db
def test_demo_programmes_load_in_both_languages_and_again_without_duplicates(demo_site, demo):
    training_demo.load(demo)
    assert demo.created == 0
    zh = TrainingProgrammePage.objects.filter(locale__language_code="zh-hans")
    en = TrainingProgrammePage.objects.filter(locale__language_code="en")
    assert zh.count() == en.count() == 3
    county = zh.get(slug="county-cadres-seven-days")
    assert county.total_days == 7
    assert [days for _city, days in county.stage_days()] == [5, 2]
    assert county.cohorts.count() == 2
    assert all(page.offered_cohorts for page in zh)
    rural = en.get(slug="rural-revitalisation")
    assert "grid management" in rural.summary
