"""The directory benchmark's targets (from the issue) and its printed table."""

API_P95_MS = 25.0
LOAD_REQUESTS_PER_S = 200.0
LOAD_P95_MS = 100.0


def targets(report):
    quoted = report["in_process"]["median_of_rounds"]
    result = {
        "api_p95_in_process": {
            "target": f"p95 <= {API_P95_MS} ms",
            "value": quoted["api"]["p95_ms"],
            "met": quoted["api"]["p95_ms"] <= API_P95_MS,
        }
    }
    load = report.get("load_test")
    if load and "skipped" not in load:
        result["load_requests_per_s"] = {
            "target": f">= {LOAD_REQUESTS_PER_S} req/s",
            "value": load["requests_per_s"],
            "met": load["requests_per_s"] >= LOAD_REQUESTS_PER_S,
        }
        result["load_p95"] = {
            "target": f"p95 <= {LOAD_P95_MS} ms",
            "value": load["latency_ms"]["p95"],
            "met": load["latency_ms"]["p95"] <= LOAD_P95_MS,
        }
        result["load_errors"] = {"target": "no errors", "value": load["errors"], "met": load["errors"] == 0}
    return result


def print_report(report):
    facts = report["environment"]
    print(
        f"\n== {report['database']} ({facts['database_version']}), {report['services']} synthetic services, "
        f"seed {report['seed']}, {facts['cpus']} CPUs (load {facts['load_average_1m_at_start']}), "
        f"Python {facts['python']}"
    )
    print(f"   command: {report['command']}")
    if report["generation"]:
        print(f"   generation: {report['generation']}")
    process = report["in_process"]
    quoted = process["median_of_rounds"]
    print(
        f"   in-process, {report['queries']['count']} searches x {len(process['rounds'])} rounds "
        "(median of the rounds' figures), page of 20 full records:"
    )
    print(f"   {'':<26}{'median ms':>10}{'p95 ms':>10}{'max ms':>10}")
    sides = (
        ("api", "API /api/v1/services"),
        ("api_cpu", "  its CPU time (process)"),
        ("index", "index query alone"),
    )
    for side, name in sides:
        row = quoted[side]
        print(f"   {name:<26}{row['median_ms']:>10}{row['p95_ms']:>10}{row['max_ms']:>10}")
    print(
        f"   ratio of medians API/index: {quoted['ratio_of_medians']}   "
        f"SQL queries per API request: {quoted['sql_queries_per_request']}"
    )
    print("   by the search's leading word (all rounds' samples):")
    for band, sides in sorted(process["by_band"].items()):
        print(f"   {band + ' words':<26}API {sides['api']}  index {sides['index']}")
    print("   slowest searches through the API (median ms over the rounds):")
    for row in process["slowest"]:
        print(
            f"     {row['query']!r:<32} API {row['api_median_ms']:>8}  index {row['index_median_ms']:>8}  "
            f"matches {row['total_items']}"
        )
    load = report.get("load_test")
    if load and "skipped" not in load:
        print(f"   load test: {load['server']}")
        print(f"              {load['command']}")
        latency = load["latency_ms"]
        print(
            f"   {load['requests_per_s']} req/s ({load['requests']} requests), latency p50 {latency['p50']} "
            f"p95 {latency['p95']} p99 {latency['p99']} max {latency['max']} ms, errors {load['errors']}"
        )
    elif load:
        print(f"   load test skipped: {load['skipped']}")
    for name, target in report["targets"].items():
        verdict = "MET   " if target["met"] else "MISSED"
        print(f"   {verdict} {name}: {target['value']} (target {target['target']})")
