"""docs/benchmarks.md's "Live summary" table from bench/live-summary.sh's raw output:
per history, the median over three runs of each p50 and p99."""
import glob
import re
import statistics
import sys

out, years = sys.argv[1], sys.argv[2:]


def wrk(path):
    rows = re.findall(r"^\s+(50|99)\.?0*%\s+([\d.]+)(us|ms|s)\s*$", open(path).read(), re.M)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    values = {p: float(v) * scale[u] for p, v, u in rows}
    return values["50"], values["99"]


def pgbench(path):
    latencies = sorted(int(line.split()[2]) / 1000 for line in open(path) if line.strip())
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    return pick(0.50), pick(0.99)


def median(paths, read):
    runs = [read(p) for p in sorted(paths)]
    return tuple(statistics.median(r[i] for r in runs) for i in range(2)), len(runs)


print("| history | cold p50 | cold p99 | pgbench floor p50 | floor p99 | cold/floor p50 | warm p50 | warm p99 | /healthz p50 | /healthz p99 |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for y in years:
    (cold50, cold99), _ = median(glob.glob(f"{out}/cold-{y}-*.txt"), wrk)
    (floor50, floor99), _ = median(glob.glob(f"{out}/pgbench-{y}-*.log"), pgbench)
    (warm50, warm99), _ = median(glob.glob(f"{out}/warm-{y}-*.txt"), wrk)
    (health50, health99), _ = median(glob.glob(f"{out}/healthz-{y}-*.txt"), wrk)
    print(
        f"| {y} years | {cold50:.2f} ms | {cold99:.2f} ms | {floor50:.2f} ms | {floor99:.2f} ms | {cold50 / floor50:.2f}× "
        f"| {warm50:.3f} ms | {warm99:.3f} ms | {health50:.3f} ms | {health99:.3f} ms |"
    )


def accept_latency(path):
    found = re.search(r"latency average = ([\d.]+) ms", open(path).read())
    return float(found.group(1)), 0.0


print()
print("What keeping the figures adds to an acceptance (pgbench, one client, mean latency, median of three runs):")
print()
print("| history | figures kept | figures' triggers off | added |")
print("| --- | --- | --- | --- |")
for y in years:
    kept_paths = glob.glob(f"{out}/accept-kept-{y}-*.txt")
    off_paths = glob.glob(f"{out}/accept-off-{y}-*.txt")
    if not kept_paths or not off_paths:
        continue
    (kept, _), _ = median(kept_paths, accept_latency)
    (off, _), _ = median(off_paths, accept_latency)
    print(f"| {y} years | {kept:.2f} ms | {off:.2f} ms | {kept - off:+.2f} ms |")
