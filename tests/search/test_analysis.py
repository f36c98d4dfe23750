"""The text analysis behind the index: what a page becomes, what a query asks for."""

import pytest
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText

from search.analysis import MAX_QUERY_TERMS, index_text, query_words
from search.backends.base import analyse_query
from search.results import clean_query, excerpt


def query_terms(text, stem=True):
    """The terms of every word of the query, in order: what a page with all words has."""
    return [term for word in query_words(text, stem) for term in word.alternatives[0]]


def test_chinese_is_indexed_as_pairs_single_characters_and_pinyin():
    terms = index_text("南泥湾精神").split()
    assert terms[:4] == ["南泥", "泥湾", "湾精", "精神"]  # reading order first
    assert {"南", "泥", "湾", "nanniwan"} <= set(terms)


def test_a_query_is_cut_into_words_before_pairs():
    # "延安精神" and "南泥湾" are words: the pair "神南" across them is not asked for.
    assert "神南" not in query_terms("延安精神南泥湾")
    assert query_terms("泥湾") == ["泥湾"]
    assert query_terms("湾") == ["湾"]
    assert "的" not in query_terms("南泥湾的精神")


def test_english_is_stemmed_alike_on_both_sides():
    assert query_terms("serving") == query_terms("serve") == ["serv"]
    assert "serv" in index_text("Serving the people").split()
    assert query_terms("spirit of Nanniwan") == ["spirit", "nanniwan"]


def test_place_names_match_their_pinyin():
    assert query_terms("Yan'an") == query_terms("Yanan") == ["yanan"]
    assert "yanan" in index_text("延安").split()
    assert "lingshan" in index_text("灵山胜境").split()


def test_autocomplete_terms_are_not_stemmed():
    assert query_terms("servi", stem=False) == ["servi"]
    assert "serving" in index_text("Serving the people", stem=False).split()


def test_full_width_and_mixed_text():
    assert query_terms("ＥＮＹ 机场") == query_terms("eny 机场") == ["eni", "机场"]
    assert query_terms("LB/T 054-2016") == ["lb", "t", "054", "2016"]


@pytest.mark.parametrize(
    "text",
    ['"', "AND OR NOT", "*:()\\", "😀", "\x00\x07", "'; DROP TABLE x; --", "NEAR(a b) {x} ^"],
)
def test_search_syntax_never_reaches_the_database(text):
    for term in query_terms(text) + index_text(text).split():
        assert term.isalnum(), term


def test_long_queries_are_bounded():
    words = query_words("延安 " * 500 + "南泥湾精神自力更生" * 50 + " yang jia ling" * 50)
    assert sum(len(terms) for word in words for terms in word.alternatives) <= MAX_QUERY_TERMS


def test_query_trees_are_analysed_throughout():
    query = And([PlainText("南泥湾"), Or([Phrase("宝塔山"), Not(PlainText("!!!"))])])
    analysed = analyse_query(query)
    assert analysed.subqueries[0].query_string == "南泥 泥湾"
    assert analysed.subqueries[1].subqueries[0].query_string == "宝塔 塔山"
    assert isinstance(analysed.subqueries[1].subqueries[1], MatchAll)
    assert analyse_query(PlainText("!!!")) is None


def test_clean_query_drops_control_characters_and_cuts():
    assert clean_query("南泥\x00湾 \t ") == ("南泥 湾", False)
    text, cut = clean_query("延" * 2000)
    assert cut and len(text) == 100


def test_excerpt_marks_matches_around_the_first_one():
    text = "开头。" * 40 + "南泥湾精神是自力更生的象征。"
    parts = excerpt(text, "自力更生")
    assert ("自力更生", True) in parts
    assert parts[0] == ("…", False)
    assert sum(len(p) for p, _ in parts) <= 150
    assert excerpt("Serving the people wholeheartedly", "serve")[0] == ("Serving", True)
