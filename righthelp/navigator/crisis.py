"""Crisis detection on free text, in English and Bengali (hazard H7, docs/safety/crisis-detection.md).

Missing a crisis is the worst failure the navigator can have, so detection errs toward firing: any entry of
the phrase list (crisis_phrases.py) matching anywhere fires, whatever else the text says ("I'm not
suicidal" fires too). Text is normalised first (text.py), then matched twice: as typed, and with words
one slip away from a key word ("sucidal", "mysef", "আত্নহত্যা") read as that word.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from righthelp.navigator import crisis_phrases
from righthelp.navigator.text import is_latin, normalise, normalise_pattern


@dataclass(frozen=True)
class CrisisSignal:
    fired: bool
    matched: list = field(default_factory=list)  # ids of the phrase entries that matched, in list order


def detect_crisis(text):
    """Whether `text` shows a sign of risk to life, and which phrase entries say so."""
    typed = normalise(text)
    if not typed:
        return CrisisSignal(fired=False)
    corrected = _corrected(typed)
    matched = [
        phrase_id
        for phrase_id, pattern in _patterns()
        if pattern.search(typed) or (corrected != typed and pattern.search(corrected))
    ]
    return CrisisSignal(fired=bool(matched), matched=matched)


@cache
def _patterns():
    return tuple(
        (phrase.id, re.compile(normalise_pattern(phrase.pattern))) for phrase in crisis_phrases.PHRASES
    )


@cache
def _fuzzy_words():
    return tuple(normalise(word) for word in crisis_phrases.FUZZY_WORDS)


def _corrected(text):
    return " ".join(_nearest_key_word(word) for word in text.split(" "))


def _nearest_key_word(word):
    """The key word `word` is one slip from, or `word` itself. Latin words compare whole; Bengali words
    compare their start, as Bengali adds endings ("আত্নহত্যার" reads "আত্মহত্যার")."""
    if len(word) < crisis_phrases.FUZZY_MIN_LENGTH or word in crisis_phrases.NEVER_CORRECTED:
        return word
    for key in _fuzzy_words():
        if word == key:
            return word
        if is_latin(key) != is_latin(word):
            continue
        if is_latin(word):
            if abs(len(word) - len(key)) <= 1 and osa_distance(word, key) <= 1:
                return key
            continue
        for end in (len(key) - 1, len(key), len(key) + 1):
            if end <= len(word) and osa_distance(word[:end], key) <= 1:
                return key + word[end:]
    return word


def osa_distance(a, b):
    """Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`: optimal string alignment."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]
