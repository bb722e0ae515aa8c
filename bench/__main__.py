"""`python -m bench` (`make bench`): the directory benchmark on SQLite, then on PostgreSQL.

Each database runs in its own process (`python -m bench.directory --database URL`). SQLite uses a file
under bench/results/; PostgreSQL uses its own database, righthelp_bench_synthetic, created on the
cluster that DATABASE_URL points at (`make bench` starts a throwaway one). Exits 1 if a target is missed.
"""

import argparse
import os
import subprocess
import sys
from urllib.parse import urlsplit

from bench.common import RESULTS, invocation

POSTGRES_DATABASE = "righthelp_bench_synthetic"


def parse_args():
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000, help="synthetic services (default 100000)")
    parser.add_argument("--queries", type=int, default=200, help="distinct searches timed (default 200)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per database (default 20)")
    parser.add_argument("--skip-load-test", action="store_true")
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    return parser.parse_args()


def sqlite_url():
    RESULTS.mkdir(exist_ok=True)
    return f"sqlite:///{RESULTS / 'bench-synthetic.sqlite3'}"


def postgres_url():
    """The benchmark database on DATABASE_URL's cluster, created if missing; None without a cluster."""
    base = os.environ.get("DATABASE_URL", "")
    if urlsplit(base).scheme not in {"postgres", "postgresql"}:
        print("PostgreSQL skipped: DATABASE_URL is not PostgreSQL (`make bench` starts a throwaway cluster).")
        return None
    import psycopg

    with psycopg.connect(base, autocommit=True) as connection:
        exists = connection.execute(
            "select 1 from pg_database where datname = %s", [POSTGRES_DATABASE]
        ).fetchone()
        if not exists:
            connection.execute(f"create database {POSTGRES_DATABASE}")
    return urlsplit(base)._replace(path=f"/{POSTGRES_DATABASE}").geturl()


def per_database_args(args):
    argv = ["--services", args.services, "--queries", args.queries, "--rounds", args.rounds]
    argv += ["--seed", args.seed, "--duration", args.duration]
    return [str(a) for a in argv] + (["--skip-load-test"] if args.skip_load_test else [])


def main():
    args = parse_args()
    print(f"== {invocation('bench', sys.argv[1:])}", flush=True)
    urls = {"sqlite": sqlite_url, "postgres": postgres_url}
    failures = 0
    for name in [args.only] if args.only else list(urls):
        url = urls[name]()
        if url is None:
            failures += 1
            continue
        command = [sys.executable, "-m", "bench.directory", "--database", url, *per_database_args(args)]
        # Unbuffered, so progress shows as it happens even when the output goes to a file.
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        failures += subprocess.run(command, check=False, env=env).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
