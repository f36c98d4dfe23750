"""Turning text into search terms that a database full-text index can match.

SQLite FTS5 and PostgreSQL split text at spaces and punctuation, so an
unbroken run of Chinese characters is one "word" to them: a page that says
"南泥湾精神是自力更生的象征" is found only by that whole clause. Here every
run of Chinese characters becomes overlapping character pairs (bigrams) and
single characters, the way Lucene's CJK analyser does it. A query is cut into
words with jieba and each word into the same pairs, so "泥湾", "南泥湾" and
"自力更生" all match, and "延安精神南泥湾" (two words typed without a space)
does not demand the pair "神南", which no page contains.

English words are lower-cased, stripped of stop words and stemmed with the
Snowball English stemmer here, in Python, rather than by the database: the
index then holds the same terms on SQLite and PostgreSQL and both answer a
query with the same pages. Chinese words of two or more characters also get
their pinyin ("南泥湾" → "nanniwan"), so a visitor who types a place name
without an input method still finds the Chinese page.

Every term that comes out of this module consists only of letters, digits
and CJK characters, so no user input ever reaches a database query syntax.
"""

import logging
import re
import unicodedata
from functools import lru_cache

import jieba
import snowballstemmer
from pypinyin import lazy_pinyin

# jieba announces loading its dictionary on stderr; that is noise in logs.
jieba.setLogLevel(logging.WARNING)

# CJK Unified Ideographs with extension A, and the compatibility ideographs.
CJK_CHAR = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A Chinese run, or a Latin/digit word (internal apostrophes kept: "Yan'an").
PIECE = re.compile(rf"([{CJK_CHAR}]+)|([^\W_{CJK_CHAR}]+(?:['’][^\W_{CJK_CHAR}]+)*)")
APOSTROPHES = re.compile(r"['’]")

#: A query is cut to this many terms: enough for any real question, and a
#: bound on the size of the SQL that a pasted essay could make.
MAX_QUERY_TERMS = 32

# Words too common to tell pages apart. Dropped on both sides, so that
# "spirit of Nanniwan" finds a page that says "Nanniwan Spirit".
ENGLISH_STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
    ]
)
# Function characters that jieba leaves as words of their own: a query such
# as "南泥湾的精神" should not require a page to contain "的".
CHINESE_STOP_CHARS = frozenset("的了和与及或在是也就都而之")

_stemmer = snowballstemmer.stemmer("english")


def normalize(text):
    """Full-width letters and digits to half-width, lower case, no control characters."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") else c for c in text)


@lru_cache(maxsize=4096)
def latin_term(word, stem=True):
    """The index term of one Latin word: apostrophes dropped, stemmed; "" for a stop word.

    "Yan'an", "Yanan" and the pinyin of 延安 all become "yanan".
    """
    word = APOSTROPHES.sub("", word)
    if word in ENGLISH_STOP_WORDS:
        return ""
    return _stemmer.stemWord(word) if stem else word


def bigrams(run):
    """Overlapping character pairs of a Chinese run; a single character stands alone."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _pieces(text):
    for match in PIECE.finditer(normalize(text)):
        yield match.group(1), match.group(2)


def _index_terms(text, stem):
    """(terms in reading order, extra terms) for `text`; see `index_text`."""
    main, extra = [], []
    for run, word in _pieces(text):
        if word:
            if term := latin_term(word, stem):
                main.append(term)
            continue
        main.extend(bigrams(run))
        if len(run) > 1:
            extra.extend(run)
            for cjk_word in jieba.cut_for_search(run):
                if len(cjk_word) > 1:
                    extra.append(latin_term("".join(lazy_pinyin(cjk_word)), stem))
    return main, extra


def index_text(text, stem=True):
    """The text as it goes into the index: a space-separated list of terms.

    Terms in reading order come first (Latin words and Chinese pairs), so a
    phrase query still finds neighbours next to each other; single characters
    and pinyin follow, as extra terms that only matter for matching.
    """
    main, extra = _index_terms(text, stem)
    return " ".join(main + extra)


def query_terms(text, stem=True):
    """The terms a page must contain to answer the query `text` (all of them).

    Chinese is cut into words first, and each word into pairs, so pairs never
    straddle two words. Duplicates are dropped and the list is bounded.
    """
    terms = []
    for run, word in _pieces(text):
        if word:
            terms.append(latin_term(word, stem))
            continue
        words = list(jieba.cut(run))
        if len(words) > 1:
            words = [w for w in words if w not in CHINESE_STOP_CHARS] or words
        for cjk_word in words:
            terms.extend(bigrams(cjk_word))
    return list(dict.fromkeys(t for t in terms if t))[:MAX_QUERY_TERMS]


def phrase_terms(text, stem=True):
    """Terms of a quoted phrase, in reading order, as `index_text` lays them out."""
    return _index_terms(text, stem)[0][:MAX_QUERY_TERMS]


def highlight_patterns(text):
    """What to mark in an excerpt for the query `text`: Chinese words and Latin stems.

    Returns (chinese_words, latin_stems); a Latin word of the page is marked
    when its stem is one of the stems, so "serving" marks "serve".
    """
    chinese, latin = [], set()
    for run, word in _pieces(text):
        if word:
            if term := latin_term(word):
                latin.add(term)
        else:
            chinese.extend(
                w for w in jieba.cut(run) if w not in CHINESE_STOP_CHARS or len(run) == 1
            )
    return list(dict.fromkeys(chinese)), latin
