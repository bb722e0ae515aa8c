"""What a person asked the navigator, read strictly from a query string (the API, the pages, the command).

Every problem is collected with its parameter's name, so one answer lists them all.
"""

import re
from dataclasses import dataclass

from righthelp.directory import postcodes

MAX_TEXT_LENGTH = 1000
MAX_AGE = 120
MAX_NEEDS = 10
# A unit ("E1 6AN"), a sector ("E1 6") or a district ("E1", "E1W"): spaces anywhere, any case.
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?(?: ?[0-9](?:[A-Z]{2})?)?$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
BOOLEANS = {"true": True, "false": False}


@dataclass(frozen=True)
class NavigatorQuery:
    text: str = ""
    need_slugs: tuple = ()
    postcode: str | None = None
    place: postcodes.Place | None = None
    age: int | None = None
    language: str | None = None
    open_now: bool = False
    self_referral: bool = False


class InvalidQuery(Exception):
    def __init__(self, errors, text=""):
        self.errors, self.text = errors, text
        super().__init__(errors)


def parse_query(query, known_needs):
    """A NavigatorQuery from a QueryDict, or InvalidQuery naming each bad parameter. `known_needs` is
    the need slugs a picker may send. The free text comes back with the errors too, whole even when too
    long, so the answer can still lead with crisis routes."""
    errors = []

    def error(parameter, message):
        errors.append({"parameter": parameter, "message": message})

    text = query.get("q", "").strip()
    if len(text) > MAX_TEXT_LENGTH:
        error("q", f"must be at most {MAX_TEXT_LENGTH} characters")
    need_slugs = tuple(dict.fromkeys(slug.strip() for slug in query.getlist("need") if slug.strip()))
    for slug in need_slugs:
        if slug not in known_needs:
            error("need", f"'{slug[:40]}' is not a need we know: use one of {', '.join(sorted(known_needs))}")
    if len(need_slugs) > MAX_NEEDS:
        error("need", f"choose at most {MAX_NEEDS} needs")
    postcode, place = _postcode(query.get("postcode", ""), error)
    age = _age(query.get("age", ""), error)
    language = query.get("language", "").strip().lower() or None
    if language is not None and not LANGUAGE.match(language):
        error("language", "must be a language code such as bn (Bengali) or so (Somali)")
    open_now, self_referral = _boolean(query, "open_now", error), _boolean(query, "self_referral", error)
    if errors:
        raise InvalidQuery(errors, text)
    return NavigatorQuery(text, need_slugs, postcode, place, age, language, open_now, self_referral)


def _postcode(raw, error):
    postcode = " ".join(raw.upper().split())
    if not postcode:
        return None, None
    if not POSTCODE.match(postcode):
        error("postcode", "must be a UK postcode such as E1 6AN, or its district such as E1")
        return None, None
    place = postcodes.lookup(postcode)
    if place is None:
        error("postcode", "is not a postcode, sector or district we know")
    return postcode, place


def _age(raw, error):
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or int(raw) > MAX_AGE:
        error("age", f"must be a whole number of years from 0 to {MAX_AGE}")
        return None
    return int(raw)


def _boolean(query, name, error):
    raw = query.get(name, "false").strip().lower()
    if raw not in BOOLEANS:
        error(name, "must be true or false")
        return False
    return BOOLEANS[raw]
