#!/usr/bin/env python3
"""Load for bench/database-restart.sh: reads, writes and readiness probes against a
running service, each request logged as one JSON line, until the stop file appears.

    restart_load.py BASE_URL TOKEN COUNTRY LOG STOP_FILE

Every write is a new commitment with a unique title, so that afterwards each write
answered 2xx can be looked for in the database."""
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid

TIMEOUT = 15  # seconds: a request that takes longer counts as hung


def request(base, method, path, token=None, body=None):
    """(status, content type, parsed body or None, seconds); status 0 when no answer came."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
        headers["Idempotency-Key"] = str(uuid.uuid4())
    started = time.monotonic()
    try:
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        kind = response.getheader("Content-Type", "")
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return response.status, kind, parsed, time.monotonic() - started
    except (OSError, http.client.HTTPException) as error:
        return 0, str(error), None, time.monotonic() - started
    finally:
        conn.close()


def worker(kind, base, token, country, log, lock, stop_file):
    sequence = 0
    while not stop_requested(stop_file):
        sequence += 1
        title = None
        if kind == "write":
            title = f"restart-check {uuid.uuid4()}"
            status, ctype, body, took = request(base, "POST", f"/v1/countries/{country}/commitments", token,
                                                {"goal": 1, "title": title})
        elif kind == "read":
            status, ctype, body, took = request(base, "GET", "/v1/countries", token)
        else:
            status, ctype, body, took = request(base, "GET", "/readyz")
        entry = {"t": time.time(), "kind": kind, "status": status, "type": ctype, "seconds": round(took, 4)}
        if title and 200 <= status < 300:
            entry["title"] = title
        if status >= 400 and isinstance(body, dict):
            entry["code"] = body.get("code")
        with lock:
            log.write(json.dumps(entry) + "\n")
        time.sleep(0.1 if kind == "ready" else 0.02)


def stop_requested(stop_file):
    try:
        open(stop_file).close()
        return True
    except OSError:
        return False


def main():
    base, token, country, log_path, stop_file = sys.argv[1:6]
    lock = threading.Lock()
    with open(log_path, "w", buffering=1) as log:
        kinds = ["write", "write", "read", "read", "ready"]
        threads = [threading.Thread(target=worker, args=(k, base, token, country, log, lock, stop_file)) for k in kinds]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


if __name__ == "__main__":
    main()
