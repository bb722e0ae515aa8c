"""Load test of the search endpoint: gunicorn (2 workers) on loopback, driven by wrk for a bounded time."""

import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from bench.common import API_PATH, BENCH_ENVIRONMENT, PAGE_SIZE, RESULTS, ROOT

LUA_SCRIPT = Path(__file__).resolve().parent / "wrk_search.lua"
WORKERS = 2
WARM_UP_SECONDS = 3


def ensure_wrk():
    """wrk's path; installs Debian's `wrk` when running as root, else says how."""
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0:
        print("  installing wrk (Debian package)")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"], check=True, env=env
        )
        return shutil.which("wrk")
    print("  wrk is not installed: `sudo apt-get install wrk`, then run again")
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def search_path(query):
    return f"{API_PATH}?{urlencode({'search': query, 'per_page': PAGE_SIZE, 'full': 'true'})}"


def wait_until_serving(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}; see its log in bench/results/")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer 200 at {url} within {timeout} s")


def run_wrk(wrk, url, paths_file, args, seconds):
    # A response slower than the timeout counts as an error; below it, its latency is in the figures.
    command = [
        wrk,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    command += ["-s", str(LUA_SCRIPT.relative_to(ROOT)), url, "--", str(paths_file.relative_to(ROOT))]
    finished = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=seconds + 60, check=True
    )
    summary = json.loads(finished.stdout.strip().splitlines()[-1])
    return shlex.join(["wrk", *command[1:]]), summary


def load_test(args, label, queries):
    wrk = ensure_wrk()
    if wrk is None:
        return {"skipped": "wrk is not installed"}
    RESULTS.mkdir(exist_ok=True)
    paths_file = RESULTS / f"wrk-paths-{label}.txt"
    paths_file.write_text("".join(search_path(q) + "\n" for q in queries), encoding="utf-8")
    port = free_port()
    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "-w", str(WORKERS)]
    gunicorn += ["-b", f"127.0.0.1:{port}", "--log-level", "warning"]
    env = {**os.environ, **BENCH_ENVIRONMENT, "ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": args.database}
    env["PYTHONWARNINGS"] = "ignore:No directory at:UserWarning"
    url = f"http://127.0.0.1:{port}"
    with open(RESULTS / f"gunicorn-{label}.log", "w") as log:
        server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_serving(url + search_path(queries[0]), server)
            run_wrk(wrk, url, paths_file, args, WARM_UP_SECONDS)
            command, summary = run_wrk(wrk, url, paths_file, args, args.duration)
        finally:
            server.terminate()
            server.wait(timeout=30)
    seconds = summary["duration_us"] / 1e6
    errors = sum(summary["socket_errors"].values()) + summary["status_errors"] + summary["not_200"]
    result = {
        "server": shlex.join([os.path.relpath(gunicorn[0], ROOT), *gunicorn[1:]]),
        "command": command,
        "requests": summary["requests"],
        "requests_per_s": round(summary["requests"] / seconds, 1),
        "latency_ms": summary["latency_ms"],
        "errors": errors,
        "error_detail": {
            **summary["socket_errors"],
            "http_4xx_5xx": summary["status_errors"],
            "not_200": summary["not_200"],
        },
    }
    print(f"  load: {result['requests_per_s']} req/s, latency {result['latency_ms']}, errors {errors}")
    return result
