"""Turning text into search terms that a database full-text index can match.

SQLite FTS5 and PostgreSQL split text at spaces and punctuation, so an
unbroken run of Chinese characters is one "word" to them: a page that says
"南泥湾精神是自力更生的象征" is found only by that whole clause. Here every
run of Chinese characters becomes overlapping character pairs (bigrams) and
single characters, the way Lucene's CJK analyser does it. A query is cut into
words with jieba and each word into the same pairs, so "泥湾", "南泥湾" and
"自力更生" all match, and "延安精神南泥湾" (two words typed without a space)
does not demand the pair "神南", which no page contains.

Traditional characters are folded to simplified ones (OpenCC) on both sides,
so 楊家嶺 and 杨家岭 are the same terms.

English words are lower-cased, stripped of stop words and stemmed with the
Snowball English stemmer here, in Python, rather than by the database: the
index then holds the same terms on SQLite and PostgreSQL and both answer a
query with the same pages.

Chinese text also carries its pinyin, so a visitor without an input method
finds the Chinese page: each jieba word as one word ("南泥湾" → "nanniwan"),
and each pair of neighbouring characters as their two syllables run together
("nanni", "niwan"), so that pinyin typed with spaces ("nan ni wan") is asked
for in pairs, like Chinese. Tone marks and tone numbers are dropped ("Nán",
"nan2" → "nan"). Type-ahead fields also get initials ("yjl" → 杨家岭).

Every term that comes out of this module consists only of letters, digits
and CJK characters, so no user input ever reaches a database query syntax.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

import jieba
import opencc
import snowballstemmer
from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

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
_to_simplified = opencc.OpenCC("t2s")

# A Latin word with tone numbers: "yang2", "nan2ni2wan1".
TONE_NUMBERS = re.compile(r"(?:[a-z]+[1-5])+[a-z]*")
TONE_NUMBER = re.compile(r"[1-5]")


def simplified(text):
    """`text` with traditional characters folded to simplified ones, character for character.

    OpenCC converts some phrases as a whole, which can change their length;
    then each character is converted on its own, so that positions in the
    result are positions in `text` (excerpts mark the page's own characters).
    """
    converted = _to_simplified.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(s := _to_simplified.convert(c)) != 1 else s for c in text)


def normalize(text):
    """Full-width to half-width, lower case, simplified characters, no control characters."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") else c for c in text)
    return simplified(text)


@cache
def pinyin_syllables():
    """Every toneless pinyin syllable ("yang", "lv"), from pypinyin's dictionary."""
    syllables = set()
    for readings in pinyin_dict.values():
        syllables.update(fold_latin(reading) for reading in readings.split(","))
    return frozenset(syllables)


def fold_latin(word):
    """A Latin word without accents or tone marks ("Yáng" → "yang", "lǚ" → "lv")."""
    # ü is written v in toneless pinyin, as pypinyin and keyboards do ("lv").
    decomposed = unicodedata.normalize("NFKD", word).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _toneless(word):
    """`word` (normalized) without tone marks, and without tone numbers if it is pinyin."""
    word = fold_latin(word)
    if TONE_NUMBERS.fullmatch(word):
        syllables = TONE_NUMBER.split(word)
        if all(s in pinyin_syllables() for s in syllables if s):
            return "".join(syllables)
    return word


@lru_cache(maxsize=4096)
def latin_term(word, stem=True):
    """The index term of one Latin word: apostrophes dropped, stemmed; "" for a stop word.

    "Yan'an", "Yanan" and the pinyin of 延安 all become "yanan".
    """
    word = APOSTROPHES.sub("", _toneless(word))
    if word in ENGLISH_STOP_WORDS:
        return ""
    return _stemmer.stemWord(word) if stem else word


def bigrams(run):
    """Overlapping character pairs of a Chinese run; a single character stands alone."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def pinyin_pairs(syllables):
    """Neighbouring syllables run together: the pinyin counterpart of `bigrams`."""
    return [a + b for a, b in pairwise(syllables) if a and b]


def run_pinyin(run):
    """The toneless syllable of each character of a Chinese run ("" where it has none)."""
    return [s if s.isascii() and s.isalpha() else "" for s in lazy_pinyin(run)]


def _pieces(text):
    for match in PIECE.finditer(normalize(text)):
        yield match.group(1), match.group(2)


def _index_terms(text, stem, initials):
    """(terms in reading order, extra terms) for `text`; see `index_text`."""
    main, extra = [], []
    for run, word in _pieces(text):
        if word:
            if term := latin_term(word, stem):
                main.append(term)
            continue
        main.extend(bigrams(run))
        if len(run) == 1:
            continue
        extra.extend(run)
        syllables = run_pinyin(run)
        extra.extend(pinyin_pairs(syllables))
        words = [(start, end) for _w, start, end in jieba.tokenize(run, mode="search")]
        if initials:
            # What is typed into a type-ahead: the whole run, and each word's initials.
            words.append((0, len(run)))
        for start, end in words:
            if end - start > 1 and all(syllables[start:end]):
                extra.append(latin_term("".join(syllables[start:end]), stem))
                if initials:
                    extra.append("".join(s[0] for s in syllables[start:end]))
    return main, extra


def index_text(text, stem=True, initials=False):
    """The text as it goes into the index: a space-separated list of terms.

    Terms in reading order come first (Latin words and Chinese pairs), so a
    phrase query still finds neighbours next to each other; single characters
    and pinyin follow, as extra terms that only matter for matching.
    `initials` adds the pinyin initials of Chinese words, for type-ahead fields.
    """
    main, extra = _index_terms(text, stem, initials)
    return " ".join(main + list(dict.fromkeys(extra)))


@dataclass(frozen=True)
class QueryWord:
    """One word of a query, as index terms: a page has it if it has all terms of any alternative.

    A word is what the visitor separated with spaces, except that pinyin
    syllables typed with spaces ("yang jia ling") make one word together.
    """

    alternatives: tuple[tuple[str, ...], ...]
    #: Pinyin to mark in Chinese text ("yangjialing"), for excerpts.
    pinyin: str = ""


def _chinese_words(run):
    """jieba's words of a query run, without function characters unless that is all there is."""
    words = list(jieba.cut(run))
    return [w for w in words if w not in CHINESE_STOP_CHARS] or words


def _plain_word(token, stem):
    terms = []
    for run, word in PIECE.findall(token):
        if word:
            terms.append(latin_term(word, stem))
        else:
            terms.extend(t for w in _chinese_words(run) for t in bigrams(w))
    terms = tuple(dict.fromkeys(t for t in terms if t))
    if not terms or set(terms) <= CHINESE_STOP_CHARS:
        return None
    latin = [_toneless(APOSTROPHES.sub("", w)) for _r, w in PIECE.findall(token) if w]
    return QueryWord((terms,), pinyin="".join(latin) if len(latin) == 1 else "")


def _pinyin_word(syllables, stem):
    """Syllables typed with spaces: as pinyin pairs, as one pinyin word, or as English words."""
    english = tuple(t for t in (latin_term(s, stem) for s in syllables) if t)
    alternatives = (
        tuple(pinyin_pairs(syllables)),
        (latin_term("".join(syllables), stem),),
        english,
    )
    return QueryWord(tuple(dict.fromkeys(a for a in alternatives if a)), pinyin="".join(syllables))


def query_words(text, stem=True):
    """The words of the query `text`, each with the index terms that find it.

    The number of terms is bounded by MAX_QUERY_TERMS.
    """
    words, syllables, budget = [], [], MAX_QUERY_TERMS

    def add(word):
        nonlocal budget
        if word is None or word in words or budget <= 0:
            return
        alternatives = []
        for terms in word.alternatives:
            if terms := terms[:budget]:
                alternatives.append(terms)
                budget -= len(terms)
        words.append(QueryWord(tuple(alternatives), word.pinyin))

    def end_of_syllables():
        if len(syllables) > 1:
            add(_pinyin_word(syllables, stem))
        elif syllables:
            add(_plain_word(syllables[0], stem))
        syllables.clear()

    for token in normalize(text).split():
        if (toneless := _toneless(token)) in pinyin_syllables():
            syllables.append(toneless)
            continue
        end_of_syllables()
        add(_plain_word(token, stem))
    end_of_syllables()
    return words


def phrase_terms(text, stem=True):
    """Terms of a quoted phrase, in reading order, as `index_text` lays them out."""
    return _index_terms(text, stem, initials=False)[0][:MAX_QUERY_TERMS]


@dataclass(frozen=True)
class Highlights:
    """What to mark in page text for a query."""

    #: Chinese words, simplified: marked wherever the page has them, in either script.
    chinese: tuple[str, ...]
    #: Stems of English words: a page's word is marked when its stem is one of them.
    stems: frozenset[str]
    #: Pinyin typed by the visitor: Chinese words that read like this are marked.
    pinyin: tuple[str, ...]


@lru_cache(maxsize=256)
def highlights(text):
    """What to mark in an excerpt for the query `text` (asked once per result)."""
    chinese, stems = [], set()
    for run, word in _pieces(text):
        if word:
            if term := latin_term(word):
                stems.add(term)
        else:
            chinese.extend(_chinese_words(run) if len(run) > 1 else [run])
    pinyin = [w.pinyin for w in query_words(text) if len(w.pinyin) > 1]
    return Highlights(tuple(dict.fromkeys(chinese)), frozenset(stems), tuple(pinyin))
