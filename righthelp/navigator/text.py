"""One normal form for free text, so a phrase list matches however a person typed.

`normalise` returns lower-case words separated by single spaces: Unicode NFKC (full-width and styled
letters become plain ones; Bengali nukta letters take their decomposed form), case folded, zero-width
characters dropped, apostrophes removed ("don't" -> "dont"), every other run of punctuation or space one
space, digits and symbols inside words read as letters ("su1c1de", "$elf"), letters spelt out one by one
joined ("k i l l" -> "kill"), and a letter repeated three or more times kept once ("diiie" -> "die").
"""

import re
import unicodedata

from righthelp.directory.search import split_words

# Zero-width and invisible characters, including ZWJ/ZWNJ (which only shape Bengali conjuncts).
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"), None)
APOSTROPHES = re.compile("['\u2018\u2019\u201b\u02bc\u0060\u00b4]")
# "OD'd" and "OD'ing" mean an overdose; without the apostrophe "odd" would be read instead.
OVERDOSED = re.compile(r"\bo\.?d\.?['\u2019\u02bc](?:d|ed|ing)\b")
# Symbols read as the letter they stand for, between letters ("k!ll") or starting a word ("$uicide",
# "@ll"); "help!" keeps its "!" as punctuation.
LETTER_SYMBOLS = re.compile(r"(?<=[a-z])[!|@$](?=[a-z])|(?<![a-z])[@$](?=[a-z])")
SYMBOL_LETTERS = str.maketrans({"!": "i", "|": "i", "@": "a", "$": "s"})
DIGIT_LETTERS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})
REPEATS = re.compile(r"(\w)\1{2,}")
SPELT_OUT_MINIMUM = 3  # "i a m" is rare; "s u i c i d e" is deliberate


def normalise(text):
    """Free text in the form every phrase pattern is written against."""
    text = unicodedata.normalize("NFKC", text or "").translate(INVISIBLE).casefold()
    text = OVERDOSED.sub(" overdosed ", text)
    text = APOSTROPHES.sub("", text)
    text = LETTER_SYMBOLS.sub(lambda match: match.group().translate(SYMBOL_LETTERS), text)
    words = [_as_letters(word) for word in split_words(text)]
    return " ".join(REPEATS.sub(r"\1", word) for word in _join_spelt_out(words))


def normalise_pattern(pattern):
    """A pattern in the same Unicode form as normalised text (no case folding: it would change escapes)."""
    return unicodedata.normalize("NFKC", pattern).translate(INVISIBLE)


def is_latin(word):
    return word.isascii()


def _as_letters(word):
    """Digits read as letters in a word that mixes them with Latin letters ("k1ll"), not in "2024"."""
    if word.isascii() and any(char.isalpha() for char in word) and any(char.isdigit() for char in word):
        return word.translate(DIGIT_LETTERS)
    return word


def _join_spelt_out(words):
    joined, run = [], []
    for word in [*words, ""]:
        if len(word) == 1 and word.isascii() and word.isalpha():
            run.append(word)
            continue
        joined.extend(["".join(run)] if len(run) >= SPELT_OUT_MINIMUM else run)
        run = []
        if word:
            joined.append(word)
    return joined
