"""Flights are data with validity dates, checked like an airline would."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from tests.builders import make_flight
from tourism.models import Flight


def valid_flight(**overrides):
    fields = {
        "airline": "瑞丽航空",
        "airline_en": "Ruili Airlines",
        "flight_number": "DR6551",
        "origin": "WUX",
        "destination": "ENY",
        "days_of_week": ["5"],
        "departure_time": datetime.time(11, 20),
        "arrival_time": datetime.time(14, 0),
        "valid_from": datetime.date(2026, 10, 25),
        "valid_to": datetime.date(2027, 3, 27),
    }
    return Flight(**(fields | overrides))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"origin": "WUXI"}, "origin"),
        ({"destination": "E1Y"}, "destination"),
        ({"destination": "WUX"}, "destination"),
        ({"flight_number": "6551"}, "flight_number"),
        ({"valid_to": datetime.date(2026, 1, 1)}, "valid_to"),
        ({"days_of_week": []}, "days_of_week"),
        ({"days_of_week": ["8"]}, "days_of_week"),
    ],
)
def test_bad_flight_data_is_refused_with_a_message(overrides, field):
    with pytest.raises(ValidationError) as error, translation.override("zh-hans"):
        valid_flight(**overrides).full_clean()
    assert field in error.value.message_dict


def test_codes_typed_carelessly_are_tidied():
    f = valid_flight(origin=" wux", destination="eny ", flight_number="dr 6551")
    f.full_clean()
    assert (f.origin, f.destination, f.flight_number) == ("WUX", "ENY", "DR6551")


def test_schedule_facts():
    f = valid_flight(days_of_week=["5", "1"], arrival_time=datetime.time(1, 0))
    with translation.override("en"):
        assert [str(d) for d in f.weekday_labels] == ["Mon", "Fri"]
        assert str(f.origin_name) == "Wuxi Sunan Shuofang International Airport"
        assert f.display_airline == "Ruili Airlines"
    assert f.arrives_next_day
    assert f.duration() == datetime.timedelta(hours=13, minutes=40)
    assert f.is_valid_on(datetime.date(2026, 11, 28))
    assert not f.is_valid_on(datetime.date(2027, 4, 1))


@pytest.mark.django_db
def test_weekdays_round_trip_through_the_database_and_filter():
    f = valid_flight(days_of_week=["1", "5"])
    f.save()
    f.refresh_from_db()
    assert f.days_of_week == ["1", "5"]
    assert list(Flight.objects.filter(days_of_week__contains=",5,")) == [f]
    assert not Flight.objects.filter(days_of_week__contains=",2,").exists()


@pytest.mark.django_db
def test_current_flights_tag_lists_only_valid_flights_in_the_visitors_language():
    make_flight("DR6551")
    make_flight("DR6552", origin="ENY", destination="WUX")
    expired = make_flight("DR1234", valid_to=timezone.localdate() - datetime.timedelta(days=1))
    expired.valid_from = expired.valid_to - datetime.timedelta(days=90)
    expired.save()
    template = Template("{% load tourism_tags %}{% current_flights %}")
    request = RequestFactory().get("/")
    with translation.override("en"):
        html = template.render(Context({"request": request}))
    assert "DR6551" in html and "DR6552" in html
    assert "DR1234" not in html
    assert "Direct flights" in html
    assert "Yan&#x27;an Nanniwan Airport (ENY) 14:00" in html


@pytest.mark.django_db
def test_no_valid_flight_means_no_flight_section():
    html = Template("{% load tourism_tags %}{% current_flights %}").render(Context({}))
    assert html.strip() == ""


@pytest.mark.django_db
def test_editor_adds_a_flight_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/snippets/tourism/flight/add/",
        {
            "airline": "瑞丽航空",
            "airline_en": "Ruili Airlines",
            "flight_number": "dr6551",
            "origin": "wux",
            "destination": "ENY",
            "days_of_week": ["5", "7"],
            "departure_time": "11:20",
            "arrival_time": "14:00",
            "valid_from": "2026-10-25",
            "valid_to": "2027-03-27",
        },
    )
    errors = response.context["form"].errors if response.status_code == 200 else None
    assert response.status_code == 302, errors
    saved = Flight.objects.get()
    assert (saved.flight_number, saved.origin, saved.days_of_week) == ("DR6551", "WUX", ["5", "7"])
    edit = admin_client.get(f"/admin/snippets/tourism/flight/edit/{saved.pk}/")
    assert re.search(r'value="7"[^>]*checked', edit.content.decode())
