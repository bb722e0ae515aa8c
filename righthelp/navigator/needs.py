"""Needs, from the picker or named in free text, through the need taxonomy and its synonyms.

A need is named when the text holds its name ("Housing and homelessness" counts as "housing" and
"homelessness"), its slug's words, or one of its synonyms: English from data/needs/synonyms.json,
Bengali and romanised Bengali from needs_bn.json (unreviewed, see docs/i18n/bengali-review.md).
English words match whole, after a light stemming ("worried" matches "worry"); Bengali words match at
the start of a word, because Bengali adds endings.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from righthelp.directory import search
from righthelp.directory.models import TaxonomyTerm
from righthelp.navigator.text import is_latin, normalise

BENGALI_NEEDS_FILE = Path(__file__).with_name("needs_bn.json")
SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("s", ""))


@dataclass(frozen=True)
class Need:
    slug: str
    name: str
    source: str  # "picker", "text" (named in the free text) or "crisis" (the text showed a risk)
    words: str = ""  # what in the text named it


def need_names():
    """{slug: name} of every need in the taxonomy, by name."""
    terms = TaxonomyTerm.objects.filter(scheme_id=search.NEED_TAXONOMY_ID).order_by("name")
    return dict(terms.values_list("term", "name"))


def needs_in_text(text, names):
    """The needs the text names, in the order it names them, each once; `names` is need_names()."""
    words = normalise(text)
    stems = " ".join(_stem(word) for word in words.split(" "))
    found = []
    for slug, phrases in _vocabulary(tuple(names.items())).items():
        hits = [
            (position, phrase) for phrase, form in phrases if (position := _position(words, stems, form)) >= 0
        ]
        if hits:
            position, phrase = min(hits)
            found.append((position, Need(slug, names[slug], "text", phrase)))
    return [need for _, need in sorted(found, key=lambda hit: hit[0])]


@cache
def _vocabulary(names):
    """{slug: [(phrase as written, form it is matched in)]} for the needs in `names`."""
    vocabulary = {}
    for slug, name in names:
        phrases = [*name.split(" and "), *slug.split("-and-"), *_synonyms().get(slug, ())]
        forms = {}
        for phrase in phrases:
            form = normalise(phrase.replace("-", " "))
            if form:
                forms.setdefault(_form(form), phrase)
        vocabulary[slug] = [(phrase, form) for form, phrase in forms.items()]
    return vocabulary


@cache
def _synonyms():
    """{slug: [synonyms in every language]} from the search engine's file and the Bengali file."""
    merged = {}
    english = json.loads(search.SYNONYMS_FILE.read_text(encoding="utf-8"))
    bengali = json.loads(BENGALI_NEEDS_FILE.read_text(encoding="utf-8"))["needs"]
    for source in (english, bengali):
        for slug, languages in source.items():
            merged.setdefault(slug, []).extend(word for words in languages.values() for word in words)
    return merged


def _form(phrase):
    """Latin phrases are matched stemmed, Bengali ones as written."""
    if is_latin(phrase):
        return ("stems", " ".join(_stem(word) for word in phrase.split(" ")))
    return ("text", phrase)


def _position(words, stems, form):
    """The number of the word where `form` starts in the text, or -1."""
    kind, phrase = form
    text = stems if kind == "stems" else words
    end = "(?= |$)" if kind == "stems" else ""
    match = re.search(rf"(?:^| ){re.escape(phrase)}{end}", text)
    return text[: match.start() + 1].count(" ") if match else -1


def _stem(word):
    if len(word) > 4 and word.isascii():
        for suffix, replacement in SUFFIXES:
            if word.endswith(suffix) and not word.endswith("ss"):
                return word[: -len(suffix)] + replacement
    return word
