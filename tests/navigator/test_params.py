import pytest
from django.http import QueryDict

from righthelp.directory import postcodes
from righthelp.navigator.params import MAX_TEXT_LENGTH, InvalidQuery, NavigatorQuery, parse_query

NEEDS = {"low-mood", "sleep", "crisis"}
STEPNEY = postcodes.Place("E1 0AA", 51.5155, -0.0467, "postcode", "synthetic")


@pytest.fixture(autouse=True)
def known_postcodes(monkeypatch):
    monkeypatch.setattr(
        postcodes, "lookup", lambda postcode: STEPNEY if postcode in {"E1 0AA", "E1"} else None
    )


def parse(query_string):
    return parse_query(QueryDict(query_string), NEEDS)


def errors(query_string):
    with pytest.raises(InvalidQuery) as raised:
        parse(query_string)
    return raised.value.errors


def test_every_parameter_is_read():
    query = parse(
        "q=can%27t+sleep&need=low-mood&need=sleep&postcode=e1+0aa&age=34&language=BN"
        "&open_now=true&self_referral=false"
    )
    assert query == NavigatorQuery(
        "can't sleep", ("low-mood", "sleep"), "E1 0AA", STEPNEY, 34, "bn", True, False
    )


def test_nothing_asked_is_an_empty_query():
    assert parse("") == NavigatorQuery()


@pytest.mark.parametrize(
    ("query_string", "parameter"),
    [
        ("need=flying", "need"),
        ("postcode=not+a+postcode", "postcode"),
        ("postcode=ZZ9+9ZZ", "postcode"),
        ("age=-1", "age"),
        ("age=121", "age"),
        ("age=thirty", "age"),
        ("age=%D9%A3", "age"),  # an Arabic-Indic digit
        ("language=Bengali", "language"),
        ("open_now=yes", "open_now"),
        ("self_referral=1", "self_referral"),
        ("q=" + "a" * (MAX_TEXT_LENGTH + 1), "q"),
    ],
)
def test_a_bad_parameter_is_named(query_string, parameter):
    assert [error["parameter"] for error in errors(query_string)] == [parameter]


def test_every_bad_parameter_is_named_and_the_text_kept_for_crisis_detection():
    with pytest.raises(InvalidQuery) as raised:
        parse("q=I+want+to+die&age=old&need=flying")
    assert [error["parameter"] for error in raised.value.errors] == ["need", "age"]
    assert raised.value.text == "I want to die"
