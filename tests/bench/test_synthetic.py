"""The benchmark's synthetic data: labelled synthetic, real taxonomy ids, text shaped like real text."""

import collections
import json
import math
import re
import uuid
from pathlib import Path

import pytest

from bench.populate import is_populated, populate
from bench.synthetic import DESCRIPTION_PREFIX, SOURCE_TERM_ID, Generator
from bench.vocabulary import STOP_WORDS, tokens
from righthelp.directory.models import Attribute, Service

NEED_NAMESPACE = uuid.UUID("072f72a2-7172-4499-ba5e-e17c34881a43")
TAXONOMY_FILE = Path(__file__).resolve().parents[2] / "data" / "tower_hamlets" / "taxonomy_terms.json"


def generated(n=300, seed=7):
    rows = collections.defaultdict(list)
    for batch in Generator(n, seed).batches(size=100):
        for name, table in vars(batch).items():
            rows[name] += table
    return rows


@pytest.fixture(scope="module")
def records():
    return generated()


def test_every_name_and_description_says_synthetic(records):
    for row in records["services"] + records["organizations"]:
        assert row.name.endswith(" (synthetic)")
        assert row.description.startswith(DESCRIPTION_PREFIX)
    assert all(location.name.endswith(" (synthetic)") for location in records["locations"])


def test_every_service_and_organisation_carries_the_synthetic_source_term(records):
    labelled = {a.link_id for a in records["attributes"] if a.taxonomy_term_id == SOURCE_TERM_ID}
    assert labelled == {r.id for r in records["services"] + records["organizations"]}


def test_needs_are_the_real_need_taxonomy_ids(records):
    terms = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    need_ids = {
        uuid.uuid5(NEED_NAMESPACE, f"term:need:{t['term']}")
        for t in terms
        if t["taxonomy"] == "RightHelp needs"
    }
    known_ids = {uuid.UUID(t["id"]) for t in terms} | {SOURCE_TERM_ID}
    used = {a.taxonomy_term_id for a in records["attributes"]}
    assert used <= known_ids
    assert len(used & need_ids) > 10
    services_with_a_need = {a.link_id for a in records["attributes"] if a.taxonomy_term_id in need_ids}
    assert services_with_a_need == {s.id for s in records["services"]}


def test_phones_are_in_ofcoms_drama_range_and_say_so(records):
    assert records["phones"]
    for phone in records["phones"]:
        assert re.fullmatch(r"020 7946 0\d{3}", phone.number)
        assert "drama range" in phone.description


def test_locations_fall_in_england(records):
    for location in records["locations"]:
        assert 49.9 < location.latitude < 55.9
        assert -6.0 < location.longitude < 1.8


def test_same_seed_same_records_other_seed_other_records():
    again = generated()
    first = [(s.id, s.name, s.description) for s in generated()["services"]]
    assert first == [(s.id, s.name, s.description) for s in again["services"]]
    assert first != [(s.id, s.name, s.description) for s in generated(seed=8)["services"]]


def test_word_frequencies_fall_off_as_in_real_text(records):
    """Zipf's law: a rich vocabulary, and frequency ~ 1/rank^s with s near 1 over the head of the ranking."""
    counts = collections.Counter(w for s in records["services"] for w in tokens(s.description))
    for word in tokens(DESCRIPTION_PREFIX):
        del counts[word]
    assert len(counts) > 1000
    ranked = [count for _, count in counts.most_common(200)]
    xs = [math.log(rank) for rank in range(1, len(ranked) + 1)]
    ys = [math.log(count) for count in ranked]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    assert -1.4 < slope < -0.8
    assert counts.most_common(1)[0][0] in STOP_WORDS


@pytest.mark.django_db
def test_populate_fills_the_database_once_for_a_size_and_seed():
    timings = populate(12, seed=3, log=lambda _: None)
    assert timings
    assert Service.objects.count() == 12
    assert Attribute.objects.filter(taxonomy_term_id=SOURCE_TERM_ID, link_entity="service").count() == 12
    assert is_populated(12, seed=3)
    assert populate(12, seed=3, log=lambda _: None) == {}
    assert not is_populated(12, seed=4)
