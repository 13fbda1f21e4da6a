#!/usr/bin/env python3
"""Judges a bench/database-restart.sh run.

    restart_report.py LOG EVENTS STORED_TITLES

LOG: restart_load.py's lines. EVENTS: "stop <unix time> <mode>" and "start <unix time>"
lines, in order. STORED_TITLES: the commitment titles in the database afterwards.
Prints a Markdown table per outage and exits non-zero if any requirement fails:
while PostgreSQL is down every answer is a 503 problem+json (no hang, no other error),
/readyz says 503, no answer takes longer than the service's deadline, all kinds of
request succeed again within 5 s of its return, and every write answered 2xx is
stored."""
import json
import sys

RECOVERY_LIMIT = 5.0
DEADLINE = 5.0  # REQUEST_TIMEOUT_SECONDS: no answer may take longer (plus a second of slack)


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def outages(events):
    pairs, stop = [], None
    for line in events:
        word, when, *rest = line.split()
        if word == "stop":
            stop = (float(when), rest[0] if rest else "")
        elif word == "start" and stop:
            pairs.append((stop[0], float(when), stop[1]))
            stop = None
    return pairs


def judge(entries, stopped, started, mode, next_stop):
    """One outage: the figures, and what failed."""
    failures = []
    down = [e for e in entries if stopped <= e["t"] - e["seconds"] and e["t"] <= started]
    bad = [e for e in down if not (200 <= e["status"] < 300 or
                                   (e["status"] == 503 and e["type"].startswith("application/problem+json")))]
    if bad:
        failures.append(f"{len(bad)} answers while down were neither 2xx nor 503 problem+json, e.g. {bad[0]}")
    unavailable = [e for e in down if e["status"] == 503]
    # pg_ctl takes a moment to stop after the time is noted, and the server accepts
    # connections a moment before `pg_ctl -w start` returns and the time is noted (the
    # service can be ready again in between): judge /readyz from 1 s after the stop to
    # 1 s before the start
    ready_down = [e for e in down if e["kind"] == "ready" and e["t"] - e["seconds"] >= stopped + 1
                  and e["t"] <= started - 1]
    if not ready_down or any(e["status"] != 503 for e in ready_down):
        failures.append("/readyz did not answer 503 throughout the outage")
    recovery = {}
    for kind in ("read", "write", "ready"):
        after = [e for e in entries if e["kind"] == kind and e["t"] > started and e["t"] < next_stop]
        first = next((e for e in after if 200 <= e["status"] < 300), None)
        if first is None:
            failures.append(f"{kind} requests never succeeded after the database came back")
            continue
        recovery[kind] = first["t"] - started
        if recovery[kind] > RECOVERY_LIMIT:
            failures.append(f"{kind} requests took {recovery[kind]:.2f} s to succeed again")
        later = [e for e in after if e["t"] > first["t"] and not 200 <= e["status"] < 300]
        if later:
            failures.append(f"{len(later)} {kind} requests failed after recovery, e.g. {later[0]}")
    figures = {
        "mode": mode,
        "down_seconds": started - stopped,
        "requests_while_down": len(down),
        "answered_503": len(unavailable),
        "slowest_answer_while_down": max((e["seconds"] for e in down), default=0.0),
        "recovery": recovery,
    }
    return figures, failures


def main():
    log_path, events_path, stored_path = sys.argv[1:4]
    entries = sorted(load(log_path), key=lambda e: e["t"])
    with open(events_path) as f:
        windows = outages(f.read().splitlines())
    with open(stored_path) as f:
        stored = set(line.strip() for line in f)
    failures = []
    if not windows:
        failures.append("no outage was recorded")
    hung = [e for e in entries if e["status"] == 0]
    if hung:
        failures.append(f"{len(hung)} requests got no answer, e.g. {hung[0]}")
    late = [e for e in entries if e["status"] != 0 and e["seconds"] > DEADLINE + 1]
    if late:
        failures.append(f"{len(late)} answers came after the service's {DEADLINE} s deadline, e.g. {late[0]}")
    server_errors = [e for e in entries if e["status"] >= 500 and e["status"] != 503]
    if server_errors:
        failures.append(f"{len(server_errors)} answers were 5xx other than 503, e.g. {server_errors[0]}")

    print("| outage | down for | requests while down | of them 503 | slowest answer while down "
          "| reads back after | writes back after | /readyz 200 after |")
    print("|---|---|---|---|---|---|---|---|")
    for index, (stopped, started, mode) in enumerate(windows):
        next_stop = windows[index + 1][0] if index + 1 < len(windows) else float("inf")
        figures, problems = judge(entries, stopped, started, mode, next_stop)
        failures += [f"outage {index + 1}: {p}" for p in problems]
        back = figures["recovery"]
        cell = lambda kind: f"{back[kind]:.2f} s" if kind in back else "never"
        print(f"| {index + 1} ({mode}) | {figures['down_seconds']:.1f} s | {figures['requests_while_down']} "
              f"| {figures['answered_503']} | {figures['slowest_answer_while_down']:.2f} s "
              f"| {cell('read')} | {cell('write')} | {cell('ready')} |")

    acknowledged = [e["title"] for e in entries if "title" in e]
    lost = [t for t in acknowledged if t not in stored]
    statuses = {}
    for e in entries:
        statuses[e["status"]] = statuses.get(e["status"], 0) + 1
    print()
    print(f"requests: {len(entries)}; by status: {dict(sorted(statuses.items()))}")
    print(f"writes answered 2xx: {len(acknowledged)}; found in the database: {len(acknowledged) - len(lost)}; "
          f"lost: {len(lost)}")
    if lost:
        failures.append(f"{len(lost)} writes answered 2xx are not in the database, e.g. {lost[0]}")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("PASS" if not failures else "FAILED")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
