"""Search queries for the benchmark, drawn from the synthetic records themselves.

A third start with a frequent word (matching a large share of the records), a third with a mid-ranked
word and a third with a rare one; the other words of a 2- or 3-word query come from the same record, so
every query matches at least one record, as a real search for something that exists does.
"""

import random

from bench.synthetic import DESCRIPTION_PREFIX
from bench.vocabulary import STOP_WORDS, ZipfSampler, build_lexicon, tokens
from righthelp.directory.models import Service

BANDS = {"frequent": (1, 150), "mid": (151, 1000), "rare": (1001, 10**9)}
WORDS_PER_QUERY = {1: 0.5, 2: 0.35, 3: 0.15}
SAMPLE_SERVICES = 2000


def pick_queries(count, seed):
    """`count` (query, band) pairs, the same for the same database contents and seed."""
    rng = random.Random(f"queries:{seed}")
    sampler = ZipfSampler(build_lexicon())
    excluded = set(STOP_WORDS) | set(tokens(DESCRIPTION_PREFIX))
    ids = sorted(Service.objects.values_list("id", flat=True))
    chosen_ids = rng.sample(ids, min(SAMPLE_SERVICES, len(ids)))
    descriptions = dict(Service.objects.filter(id__in=chosen_ids).values_list("id", "description"))
    records = [
        [w for w in dict.fromkeys(tokens(descriptions[i])) if w not in excluded and w in sampler]
        for i in chosen_ids
    ]
    queries, seen = [], set()
    band_names = list(BANDS)
    for _ in range(count * 50):
        if len(queries) == count:
            break
        band = band_names[len(queries) % len(band_names)]
        low, high = BANDS[band]
        words = rng.choice(records)
        primary = [w for w in words if low <= sampler.rank(w) <= high]
        size = rng.choices(list(WORDS_PER_QUERY), weights=list(WORDS_PER_QUERY.values()))[0]
        if not primary or len(words) < size:
            continue
        first = rng.choice(primary)
        others = rng.sample([w for w in words if w != first], size - 1)
        query = " ".join([first, *others])
        if query not in seen:
            seen.add(query)
            queries.append((query, band))
    return queries
