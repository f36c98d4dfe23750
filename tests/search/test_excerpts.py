"""Excerpts read like the page: whole sentences, numbers and dates kept, matches marked."""

import datetime

from django.utils import translation

from search.results import excerpt
from tourism.blocks import TimelineEventBlock


def shown(parts):
    return "".join(part for part, _marked in parts)


def test_the_sentence_with_the_match_and_those_after_it_that_fit():
    text = (
        "宝塔山上的宝塔高44米。" * 3
        + "1942年5月，延安文艺座谈会召开。会后发表讲话。"
        + "其他。" * 60
    )
    parts = excerpt(text, "座谈会")
    assert shown(parts).startswith("…1942年5月，延安文艺座谈会召开。会后发表讲话。")
    assert ("座谈会", True) in parts
    assert shown(parts).endswith("。…")


def test_fields_and_blocks_are_not_run_together():
    parts = excerpt("宝塔区\n延安市宝塔区宝塔山\n宝塔始建于唐代，高44米。", "唐代")
    assert shown(parts) == "…宝塔始建于唐代，高44米。"


def test_a_sentence_longer_than_an_excerpt_is_cut_around_the_match():
    text = "延安" * 200 + "南泥湾" + "延安" * 200 + "。"
    parts = excerpt(text, "南泥湾")
    assert ("南泥湾", True) in parts
    assert parts[0] == ("…", False) and parts[-1] == ("…", False)
    assert len(shown(parts)) <= 145


def test_english_sentences_keep_their_numbers():
    text = "Open daily. The pagoda is 44 metres tall, built in 1.5 years. Tickets are free."
    assert (
        shown(excerpt(text, "pagoda"))
        == "…The pagoda is 44 metres tall, built in 1.5 years. Tickets are free."
    )


def test_a_timeline_event_reads_as_the_page_shows_it():
    event = TimelineEventBlock().to_python(
        {"date": "1942-05-01", "precision": "month", "title": "延安文艺座谈会召开", "text": ""}
    )
    assert event["date"] == datetime.date(1942, 5, 1)
    with translation.override("zh-hans"):
        assert TimelineEventBlock().get_searchable_content(event) == [
            "1942年5月 延安文艺座谈会召开"
        ]
    with translation.override("en"):
        assert TimelineEventBlock().get_searchable_content(event)[0].startswith("May 1942")
