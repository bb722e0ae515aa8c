"""The directory benchmark on one database: `python -m bench.directory --database URL`.

Generates the synthetic services (once), then times /api/v1/services?search= in-process against the raw
index query for the same searches, and load-tests the endpoint under gunicorn with wrk on loopback.
`python -m bench` runs this for SQLite and PostgreSQL, each in its own process (Django reads
DATABASE_URL once, at start-up).
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

import dj_database_url

from bench.common import API_PATH, BENCH_ENVIRONMENT, PAGE_SIZE, RESULTS, ROOT, invocation

WARM_UP_QUERIES = 30


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.directory", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", required=True, help="DATABASE_URL of a benchmark database (name has 'bench')"
    )
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-load-test", action="store_true")
    parser.add_argument("--duration", type=int, default=20, help="seconds of load")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    return parser.parse_args(argv)


def database_label(url):
    """'sqlite' or 'postgresql'; refuses a database not plainly a benchmark one (it gets flushed)."""
    config = dj_database_url.parse(url)
    if "bench" not in Path(str(config["NAME"])).name:
        raise SystemExit(
            f"Refusing {config['NAME']!r}: the benchmark flushes its database, so its name must say 'bench'."
        )
    return "sqlite" if "sqlite" in config["ENGINE"] else "postgresql"


def setup_django(url):
    os.environ.update(BENCH_ENVIRONMENT, DATABASE_URL=url)
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # The benchmark serves no static files, so it has no need of collectstatic's directory.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def summarise(samples_ns):
    ms = sorted(s / 1e6 for s in samples_ns)
    return {
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(statistics.quantiles(ms, n=100, method="inclusive")[94], 2),
        "max_ms": round(ms[-1], 2),
    }


def time_api(client, queries):
    """Nanoseconds per query, and what each answer held (bytes, records on the page, total matches)."""
    samples, answers = [], []
    for query in queries:
        started, cpu_started = time.perf_counter_ns(), time.process_time_ns()
        response = client.get(API_PATH, {"search": query, "per_page": PAGE_SIZE, "full": "true"})
        body = response.content
        samples.append(time.perf_counter_ns() - started)
        cpu = time.process_time_ns() - cpu_started
        if response.status_code != 200:
            raise SystemExit(f"{API_PATH}?search={query!r} answered {response.status_code}: {body[:300]!r}")
        page = json.loads(body)
        answers.append(
            {
                "bytes": len(body),
                "size": len(page["contents"]),
                "total_items": page.get("total_items"),
                "cpu": cpu,
            }
        )
    return samples, answers


def time_index(queries):
    from righthelp.directory.search import search_ids

    samples = []
    for query in queries:
        started = time.perf_counter_ns()
        search_ids(query, limit=PAGE_SIZE)
        samples.append(time.perf_counter_ns() - started)
    return samples


def sql_per_request(client, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(API_PATH, {"search": query, "per_page": PAGE_SIZE, "full": "true"})
    return len(captured.captured_queries)


def in_process(queries, rounds, seed):
    """Each round times every query through the API, then every query through the index alone."""
    from django.test import Client

    client = Client()
    texts = [q for q, _ in queries]
    time_api(client, texts[:WARM_UP_QUERIES])
    time_index(texts[:WARM_UP_QUERIES])
    rng = random.Random(f"order:{seed}")
    results, api_times, index_times = [], defaultdict(list), defaultdict(list)
    for number in range(1, rounds + 1):
        order = rng.sample(texts, len(texts))
        api, answers = time_api(client, order)
        index = time_index(order)
        for query, api_ns, index_ns in zip(order, api, index, strict=True):
            api_times[query].append(api_ns)
            index_times[query].append(index_ns)
        # This process's CPU time: on a shared machine, wall time minus it is mostly waiting for a core
        # (on PostgreSQL it also leaves out the server's own work).
        row = {"round": number, "api": summarise(api), "api_cpu": summarise([a["cpu"] for a in answers])}
        row["index"] = summarise(index)
        row["ratio_of_medians"] = round(row["api"]["median_ms"] / row["index"]["median_ms"], 1)
        row["response_bytes_median"] = int(statistics.median(a["bytes"] for a in answers))
        row["empty_pages"] = sum(a["size"] == 0 for a in answers)
        results.append(row)
        print(f"  round {number}: API {row['api']}  index {row['index']}  ratio {row['ratio_of_medians']}")
    quoted = {
        side: {stat: round(statistics.median(r[side][stat] for r in results), 2) for stat in results[0][side]}
        for side in ("api", "api_cpu", "index")
    }
    quoted["ratio_of_medians"] = round(quoted["api"]["median_ms"] / quoted["index"]["median_ms"], 1)
    quoted["sql_queries_per_request"] = sql_per_request(client, texts[0])
    matches = dict(zip(order, (a["total_items"] for a in answers), strict=True))
    return {
        "rounds": results,
        "median_of_rounds": quoted,
        "by_band": by_band(queries, api_times, index_times),
        "slowest": slowest(api_times, index_times, matches),
    }


def by_band(queries, api_times, index_times):
    """All rounds' samples for the searches led by a frequent, a mid-ranked or a rare word."""
    bands = defaultdict(list)
    for query, band in queries:
        bands[band].append(query)
    return {
        band: {
            "api": summarise([ns for q in members for ns in api_times[q]]),
            "index": summarise([ns for q in members for ns in index_times[q]]),
        }
        for band, members in bands.items()
    }


def slowest(api_times, index_times, matches, count=5):
    """The searches slowest through the API (median over rounds), with how many records each matched."""
    ranked = sorted(api_times, key=lambda q: statistics.median(api_times[q]), reverse=True)[:count]
    return [
        {
            "query": query,
            "total_items": matches[query],
            "api_median_ms": round(statistics.median(api_times[query]) / 1e6, 2),
            "index_median_ms": round(statistics.median(index_times[query]) / 1e6, 2),
        }
        for query in ranked
    ]


def environment_facts(label):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("select sqlite_version()" if label == "sqlite" else "show server_version")
        version = cursor.fetchone()[0]
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "database_version": version,
        # The machine may be shared: a busy one slows every figure, so the load is recorded with them.
        "load_average_1m_at_start": round(os.getloadavg()[0], 2),
    }


def main(argv=None):
    args = parse_args(argv)
    label = database_label(args.database)
    command = invocation("bench.directory", argv if argv is not None else sys.argv[1:])
    print(f"== {label}: {command}")
    setup_django(args.database)
    from bench.loadtest import load_test
    from bench.populate import populate
    from bench.queries import pick_queries
    from bench.report import print_report, targets

    report = {"database": label, "services": args.services, "seed": args.seed, "command": command}
    report["environment"] = environment_facts(label)
    report["generation"] = populate(args.services, args.seed)
    queries = pick_queries(args.queries, args.seed)
    report["queries"] = {"count": len(queries), "examples": [q for q, _ in queries[:9]]}
    report["in_process"] = in_process(queries, args.rounds, args.seed)
    if not args.skip_load_test:
        report["load_test"] = load_test(args, label, [q for q, _ in queries])
    report["targets"] = targets(report)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"directory-{label}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_report(report)
    print(f"  written to {out.relative_to(ROOT)}")
    return 0 if all(t["met"] for t in report["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
