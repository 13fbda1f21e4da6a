#!/usr/bin/env python3
"""Opens the public dashboard and every indicator's page in headless Chromium and checks what they show.

Usage: scripts/browser-check.py [BASE_URL]   (default http://127.0.0.1:8080)

Needs a running instance, Chromium (on PATH, or its path in $CHROMIUM) and the
websocket-client package. Every figure the page shows in its headline sections and
charts is compared with the public API, formatted the way the page formats it; the
browser must log no error (a resource the page's Content-Security-Policy blocks is
one); full-page screenshots go to .test-artifacts/. Exits 0 only if every check
passed. It sends no token, so the service's AUTH_FAILURE_LIMIT never applies to it:
any limit will do.
"""

import base64
import itertools
import json
import math
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import urllib.request
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

try:
    import websocket
except ImportError:
    sys.exit("browser-check needs the websocket-client package: pip install websocket-client")

ARTIFACTS = Path(__file__).resolve().parent.parent / ".test-artifacts"
DESKTOP, PHONE = 1280, 390
TIMEOUT = 30  # seconds for Chromium to start and for any one DevTools reply or event
MIN_FIGURES = 20  # per page: fewer compared figures means the page lost its content
ATTEMPTS = 3  # tries per page, as an instance that publishes meanwhile changes the figures under us
PIXEL = 0.2  # SVG coordinates are written to 0.1 px, so a point may sit this far off its line

# Runs in the page: everything the checks compare, as plain JSON.
EXTRACT = r"""(() => {
  const text = e => e ? e.textContent.replace(/\s+/g, ' ').trim() : null;
  const completeness = {};
  for (const d of document.querySelectorAll('dl.figures > div'))
    completeness[text(d.querySelector('dt'))] = text(d.querySelector('dd'));
  const target = document.querySelector('p.target');
  const verdict = target && target.querySelector('strong');
  return {
    title: document.title,
    year: text(document.querySelector('nav a[aria-current=page]')),
    demoBanner: !!document.querySelector('p.demo'),
    source: text(document.querySelector('main > p.source')),
    completeness,
    og11: target && {growth: text(target.querySelector('[data-figure=og11-value]')), text: text(target),
                     verdict: text(verdict), verdictClass: verdict.className || 'none'},
    headlines: [...document.querySelectorAll('td[data-indicator]')].map(td => ({
      code: td.dataset.indicator, figure: text(td).split(' ')[0],
      countries: text(td.nextElementSibling), growth: text(td.nextElementSibling.nextElementSibling)})),
    goals: [...document.querySelectorAll('section[aria-labelledby^="goal-"]')].map(s => ({
      goal: s.getAttribute('aria-labelledby').slice(5), actions: text(s.querySelector(':scope > p'))})),
    charts: [...document.querySelectorAll('figure.chart-block')].map(f => {
      const svg = f.querySelector('svg');
      return {
        indicator: f.dataset.indicator || null, series: f.dataset.series || null,
        drawnWidth: svg ? svg.getBoundingClientRect().width : 0,
        zeroY: svg ? parseFloat(svg.querySelector('line.grid').getAttribute('y1')) : null,
        points: [...f.querySelectorAll('svg.chart .mark')].map(c => ({year: +c.dataset.year, value: c.dataset.value,
          // a marker's middle, whatever its shape (circle, square, triangle, diamond)
          cx: c.getBBox().x + c.getBBox().width / 2, cy: c.getBBox().y + c.getBBox().height / 2, fill: c.getAttribute('fill')})),
        lines: f.querySelectorAll('svg polyline').length,
        legend: [...f.querySelectorAll('.legend li')].map(text),
        rows: [...f.querySelectorAll('table tbody tr')].map(tr => [...tr.cells].map(text)),
      };
    }),
    h1: text(document.querySelector('h1')),
    noFigure: !!document.querySelector('p.no-figure'),
    downloads: [...document.querySelectorAll('ul.downloads a')].map(a => [text(a), a.getAttribute('href')]),
    revisions: [...document.querySelectorAll('table.indicator-revisions li')].map(li => [+li.dataset.year, +li.dataset.release, text(li)]),
    scrollWidth: document.documentElement.scrollWidth,
    // Not window.innerWidth: on a phone it grows to fit content that overflows.
    viewportWidth: document.documentElement.clientWidth,
  };
})()"""


# --- Formatting as the page does (Sources/AllianceTracker/Dashboard/HTML.swift) ---

def rounded(value):
    """To one decimal, halves away from zero; −0.04 is 0.0, not −0.0."""
    result = Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return abs(result) if result == 0 else result


def number(value, fixed=False):
    """HTML.number: at most one decimal (fixed: always one, as the CSV), thousands grouped."""
    if value is None:
        return "—"
    text = f"{rounded(value):,}"
    return text if fixed else text.removesuffix(".0")


def figure(value, kind):
    """HTML.figure: a percentage (ratios, booleans) shows its decimal, a count or a time as it is."""
    return number(value, fixed=kind in ("ratio", "boolean"))


def signed(value, unit):
    """HTML.percent and HTML.points: signed by the rounded figure, one decimal always: "+8.0 %"."""
    return "—" if value is None else ("" if rounded(value) < 0 else "+") + number(value, fixed=True) + " " + unit


def percent(value):
    """HTML.percent: signed, with a spaced percent sign."""
    return signed(value, "%")


def points(value):
    """HTML.points: a change in percentage points, signed."""
    return signed(value, "pp")


WITHHELD = {"small_cell": "withheld: from fewer countries than the disclosure minimum",
            "differencing": "withheld: would reveal a country by difference with another published figure"}


def withheld_text(reason):
    """A withheld figure as the page words it, with why (a release before reasons: "withheld")."""
    return WITHHELD.get(reason, "withheld")


def headline_text(indicator):
    """The headline figure as the page shows it: the number, or withheld with its reason."""
    withheld, kind = indicator.get("withheld"), indicator.get("measure_kind")
    if withheld is not None:
        return withheld_text(withheld["headline"]) if "headline" in withheld else figure(indicator.get("headline"), kind)
    return "withheld" if indicator.get("suppressed") else figure(indicator.get("headline"), kind)


def change(indicator):
    """The page's like-for-like change: points for ratios and booleans, percent growth for the others."""
    reason = (indicator.get("withheld") or {}).get("growth_like_for_like")
    if reason:
        return withheld_text(reason)
    lfl = indicator.get("growth", {}).get("like_for_like", {})
    if indicator.get("measure_kind") in ("ratio", "boolean"):
        return points(lfl.get("change_pp"))
    return percent(lfl.get("pct"))


def close(value):
    """A plotted value, to 9 significant digits: the page writes Swift Doubles, the API exact decimals."""
    return float(f"{float(value):.9g}")


# --- Chromium and the DevTools protocol ---

def start_chromium(profile):
    """Starts headless Chromium in its own process group; returns it and its DevTools websocket URL."""
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not binary:
        sys.exit("browser-check: no chromium on PATH; set CHROMIUM to its path")
    process = subprocess.Popen(
        [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
         f"--user-data-dir={profile}", "about:blank"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    found = queue.Queue()

    def read_stderr():  # keeps draining stderr too, so Chromium never blocks on a full pipe
        for line in process.stderr:
            if match := re.search(r"DevTools listening on (ws://\S+)", line):
                found.put(match.group(1))
        found.put(None)

    threading.Thread(target=read_stderr, daemon=True).start()
    try:
        url = found.get(timeout=TIMEOUT)
    except queue.Empty:
        url = None
    if not url:
        stop_chromium(process)
        sys.exit(f"browser-check: {binary} did not print its DevTools address")
    return process, url


def stop_chromium(process):
    """Asks the Chromium we started to quit, so it ends its helpers itself; then kills whatever of its process
    group is left."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:  # the group is gone: nothing left
        pass
    process.wait()


class DevTools:
    """One fresh page, driven over the browser's DevTools websocket; every event is kept in order."""

    def __init__(self, url):
        # Chromium refuses websocket clients that send an Origin it was not told to allow.
        self.socket = websocket.create_connection(url, timeout=TIMEOUT, suppress_origin=True)
        self.last_id, self.session, self.events = 0, None, []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def call(self, method, **params):
        self.last_id += 1
        message = {"id": self.last_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while (reply := self.receive()).get("id") != self.last_id:
            pass
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error'].get('message')}")
        return reply["result"]

    def receive(self):
        message = json.loads(self.socket.recv())
        if "method" in message:
            self.events.append(message)
        return message

    def wait_for(self, since, method, **params):
        """Returns once an event since index `since` has this method and these params; the socket timeout bounds it."""
        def matches(event):
            return event["method"] == method and all(event["params"].get(k) == v for k, v in params.items())
        while not any(matches(e) for e in self.events[since:]):
            self.receive()

    def close(self):
        self.socket.close()


def browser_errors(events):
    """Console errors, uncaught exceptions, HTTP errors and failed loads among the events."""
    urls, errors = {}, []
    for event in events:
        method, p = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            urls[p["requestId"]] = p["request"]["url"]
        elif method == "Network.responseReceived" and p["response"]["status"] >= 400:
            errors.append(f"HTTP {p['response']['status']} {p['response']['url']}")
        elif method == "Network.loadingFailed":
            errors.append(f"load failed ({p['errorText']}) {urls.get(p['requestId'], '')}")
        elif method == "Runtime.exceptionThrown":
            details = p["exceptionDetails"]
            errors.append("exception: " + details.get("exception", {}).get("description", details["text"]))
        elif method == "Runtime.consoleAPICalled" and p["type"] == "error":
            errors.append("console.error: " + " ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
        elif method == "Log.entryAdded" and p["entry"]["level"] == "error":
            errors.append(f"log: {p['entry']['text']} {p['entry'].get('url', '')}".strip())
    return errors


def open_page(devtools, url, width, screenshot):
    """Loads url at this width, saves a full-page screenshot; returns the extracted DOM and the browser's errors."""
    devtools.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1,
                  mobile=width < 600)
    since = len(devtools.events)
    navigation = devtools.call("Page.navigate", url=url)
    if "errorText" in navigation:
        return None, [f"navigation failed: {navigation['errorText']}"]
    devtools.wait_for(since, "Page.loadEventFired")
    # Requests the browser makes after load (a favicon, say) must be seen too.
    devtools.wait_for(since, "Page.lifecycleEvent", name="networkIdle", loaderId=navigation["loaderId"])
    size = devtools.call("Page.getLayoutMetrics")["cssContentSize"]
    shot = devtools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip={
        "x": 0, "y": 0, "width": math.ceil(size["width"]), "height": math.ceil(size["height"]), "scale": 1})
    (ARTIFACTS / screenshot).write_bytes(base64.b64decode(shot["data"]))
    result = devtools.call("Runtime.evaluate", expression=EXTRACT, returnByValue=True)
    if "exceptionDetails" in result:
        return None, [f"extracting figures failed: {result['exceptionDetails']['text']}"]
    return result["result"]["value"], browser_errors(devtools.events[since:])


# --- Checks ---

class Report:
    """Prints one line per check and counts passes and failures."""

    def __init__(self):
        self.failed = self.passed = 0

    def check(self, name, problems, detail):
        if problems:
            self.failed += 1
            print(f"FAIL {name}: " + "; ".join(problems))
        else:
            self.passed += 1
            print(f"ok   {name}: {detail}")

    def compare(self, name, pairs):
        """pairs: (label, on the page, expected from the API). Returns how many figures were compared."""
        problems = [f"{label}: page {page!r}, API {api!r}" for label, page, api in pairs if page != api]
        self.check(name, problems, ", ".join(f"{label} {page}" for label, page, _ in pairs))
        return len(pairs)


def off_line(pairs):
    """(value, coordinate) pairs off the line most of them lie on (Theil–Sen: median slope, so one stray point
    cannot move the line), by more than the coordinates' rounding."""
    slopes = [(c2 - c1) / (v2 - v1) for (v1, c1), (v2, c2) in itertools.combinations(pairs, 2) if v1 != v2]
    if not slopes:
        return []
    slope = statistics.median(slopes)
    intercept = statistics.median(c - slope * v for v, c in pairs)
    return [(v, c) for v, c in pairs if abs(intercept + slope * v - c) > PIXEL]


def chart_problems(chart, segments, rows):
    """Differences between a drawn chart and the API. segments: (label, [(year, value)]) in drawing order."""
    problems = []
    if segments and chart["drawnWidth"] <= 0:
        problems.append("the chart is not drawn")
    colours = list(dict.fromkeys(p["fill"] for p in chart["points"]))  # one colour per segment, in order
    drawn = [(colours.index(p["fill"]), p["year"], close(p["value"])) for p in chart["points"]]
    expected = [(n, year, close(value)) for n, (_, points) in enumerate(segments) for year, value in points]
    problems += [f"point {page[1]}: {page[2]} on line {page[0] + 1}, API {api[1]}: {api[2]} on line {api[0] + 1}"
                 for page, api in zip(drawn, expected) if page != api]
    if len(drawn) != len(expected):
        problems.append(f"{len(drawn)} points, API {len(expected)}")
    if chart["lines"] != sum(len(points) > 1 for _, points in segments):
        problems.append(f"{chart['lines']} lines for {len(segments)} segments")
    if chart["legend"] != ([label for label, _ in segments] if len(segments) > 1 else []):
        problems.append(f"legend {chart['legend']}")
    if chart["points"]:  # where each point is drawn must follow its year and value (0 on the bottom grid line)
        points = chart["points"]
        misplaced = off_line([(p["year"], p["cx"]) for p in points]) + off_line(
            [(0.0, chart["zeroY"])] + [(float(p["value"]), p["cy"]) for p in points])
        problems += [f"point at {c} px does not match {v}" for v, c in misplaced]
    problems += [f"table row {page}, API {api}" for page, api in zip(chart["rows"], rows) if page[:len(api)] != api]
    if len(chart["rows"]) != len(rows):
        problems.append(f"{len(chart['rows'])} table rows, API {len(rows)}")
    return problems


def check_charts(report, label, dom, api):
    """Every headline indicator and every non-empty reference series has a chart whose points and table match."""
    expected = {("indicator", code): series for code, series in api["series"].items()}
    expected |= {("series", s["code"]): s for s in api["reference"]["series"] if s["observations"]}
    found = {(("indicator", c["indicator"]) if c["indicator"] else ("series", c["series"])): c for c in dom["charts"]}
    missing, extra = sorted(expected.keys() - found.keys()), sorted(found.keys() - expected.keys())
    report.check(f"{label} chart set", [f"missing {k}" for k in missing] + [f"unexpected {k}" for k in extra],
                 f"{len(found)} charts, one per headline indicator and reference series")
    figures = charts = 0
    for key in sorted(expected.keys() & found.keys()):
        kind, code = key
        segments, rows = indicator_chart(expected[key]) if kind == "indicator" else reference_chart(expected[key])
        chart, shown = found[key], [row for row in rows if row[1] != "—" and not row[1].startswith("withheld")]
        report.check(f"{label} chart {code}", chart_problems(chart, segments, rows),
                     f"points {len(chart['points'])}, table rows {len(rows)}"
                     + (f" ({shown[0][0]}: {shown[0][1]} … {shown[-1][0]}: {shown[-1][1]})" if shown else ""))
        figures, charts = figures + len(chart["points"]) + len(rows), charts + 1
    return figures, charts


def indicator_chart(series, full=False):
    """One line through the years that have a figure; the table lists every year (full: with its countries and
    like-for-like change, as an indicator's page does)."""
    kind = series["measure_kind"]
    points = [(p["year"], p["value"]) for p in series["points"] if p["value"] is not None]
    rows = [[str(p["year"]), withheld_text((p.get("withheld") or {}).get("headline")) if p["suppressed"] else figure(p["value"], kind),
             f"{p['release']}{' (revised)' if p['revised'] else ''}"] + ([str(p["countries"]), point_change(p, kind)] if full else [])
            for p in series["points"]]
    return [(series["indicator"], points)] if points else [], rows


def point_change(point, kind):
    """A series point's like-for-like change as an indicator's page shows it."""
    reason = (point.get("withheld") or {}).get("growth_like_for_like")
    if reason:
        return withheld_text(reason)
    return points(point.get("change_like_for_like_pp")) if kind in ("ratio", "boolean") else percent(point.get("growth_like_for_like_pct"))


def reference_chart(series):
    # a change in what is counted starts a separate line, and so does a part of a
    # year in a yearly series (in a cumulative one the period is the count's date)
    segments = {}
    for o in series["observations"]:
        partial = o["period"] and not series["cumulative"]
        line = f"{o['counting']}, {o['period']}" if partial else o["counting"]
        segments.setdefault(line, []).append((o["year"], o["value"]))
    rows = [[f"{o['year']}" + (f" ({o['period']})" if o["period"] else ""), number(o["value"]),
             o["counting"] + (" (derived)" if o["derived"] else "")] for o in series["observations"]]
    return list(segments.items()), rows


def check_year_page(report, label, dom, year, api):
    """The headline sections and the charts of one year's page, against the API, and how much was compared."""
    s, c = api["summary"], api["summary"]["completeness"]
    day = s["published_at"][:10]  # the page prints the UTC day
    figures = report.compare(f"{label} year and release", [
        ("year", dom["year"], str(year)),
        ("title", dom["title"], f"Global Alliance commitments — {year}"),
        ("source", dom["source"], f"Source: Alliance Tracker release {s['release']} of {year}, published {day}"
         f"{' (revised)' if s['release'] > 1 else ''}. JSON · CSV"),
        ("demo banner", dom["demoBanner"], s["demo"] or api["overview"]["demo"])])
    figures += report.compare(f"{label} completeness", [
        ("expected", dom["completeness"].get("Countries expected to report"), str(c["expected"])),
        ("submitted", dom["completeness"].get("Reports submitted"), str(c["submitted"])),
        ("accepted", dom["completeness"].get("Reports accepted"), str(c["accepted"])),
        ("on time", dom["completeness"].get("Submitted on time"),
         f"{c['on_time']} ({number(c['on_time_rate']['pct'], fixed=True)} %)")])
    figures += check_og11(report, label, dom["og11"], next(t for t in s["targets"] if t["id"] == "OG1.1"))
    figures += check_headlines(report, label, dom, s, api)
    chart_figures, charts = check_charts(report, label, dom, api)
    figures += chart_figures
    report.check(f"{label} coverage", [] if charts and figures >= MIN_FIGURES else
                 [f"only {charts} charts and {figures} figures compared (need ≥1 and ≥{MIN_FIGURES})"],
                 f"{charts} charts, {figures} figures compared")


def check_og11(report, label, og11, target):
    """The OG1.1 growth, its panel and the met / not met verdict, in the verdict's colour."""
    reason = (target.get("withheld") or {}).get("value")
    if target["met"] is None:
        verdict, colour = (withheld_text(reason) if target["suppressed"] else "not enough data to decide"), "none"
    else:
        verdict, colour = ("met", "met") if target["met"] else ("not met", "unmet")
    if og11 is None:
        report.check(f"{label} OG1.1", ["no OG1.1 target sentence (p.target) on the page"], "")
        return 0
    countries = re.search(r"over (\d+) countries", og11["text"] or "")
    return report.compare(f"{label} OG1.1", [
        ("growth", og11["growth"], withheld_text(reason) if reason else percent(target["value"])),
        ("countries", countries and countries.group(1), str(target["countries"])),
        ("verdict", og11["verdict"], verdict),
        ("verdict colour", og11["verdictClass"], colour)])


def check_headlines(report, label, dom, summary, api):
    """Each goal's headline table (figure, countries, like-for-like growth) and its count of countries acting."""
    indicators = {i["code"]: i for i in summary["indicators"]}
    pairs = [("headline indicators", sorted(h["code"] for h in dom["headlines"]), sorted(api["series"]))]
    for h in dom["headlines"]:
        i = indicators.get(h["code"], {})
        pairs += [(h["code"], h["figure"], headline_text(i)),
                  ("countries", h["countries"], str(i.get("countries_reporting"))),
                  ("growth", h["growth"], change(i))]
    actions = {str(g["goal"]): f"{g['countries_reporting_actions']} countries reported actions taken."
               for g in summary["goals"]}
    pairs += [(f"goal {g['goal']}", g["actions"], actions.get(g["goal"])) for g in dom["goals"]]
    return report.compare(f"{label} headline figures", pairs)


def check_browser(report, label, errors):
    report.check(f"{label} browser errors", errors, "none")


def revision_problems(shown, api, indicator):
    """The page's revision history is the revisions API's: each year's figure in every release, a withheld one in words."""
    expected = [[y["year"], r["release"], r["published_at"][:10],
                 withheld_text(r["withheld_reason"]) if r["withheld"] else figure(r["value"], indicator["measure_kind"])]
                for y in api["years"] for r in y["releases"]]
    given = [[year, release, text] for year, release, text in shown]
    wanted = [[year, release, f"release {release} ({day}): {words}"] for year, release, day, words in expected]
    return [] if given == wanted else [f"revision history {given[:3]}…, expected {wanted[:3]}…"]


def check_indicator_pages(devtools, base, report):
    """Every indicator of the catalogue has a page whose chart and table (year, figure, release, countries,
    like-for-like change) are its series from the API, with its download links; at desktop and phone widths."""
    compared = 0
    for indicator in get_json(base, "/v1/indicators")["indicators"]:
        code, path = indicator["code"], f"/indicators/{indicator['code']}"
        for width in (DESKTOP, PHONE):
            for _ in range(ATTEMPTS):  # a release published while the page loads would read as a wrong figure
                series = get_json(base, f"/v1/public/indicators/{code}/series")
                dom, errors = open_page(devtools, base + path, width, f"indicator-{code}-{width}.png")
                if get_json(base, f"/v1/public/indicators/{code}/series") == series:
                    break
            label = f"{path} at {width} px"
            check_browser(report, label, errors)
            if not dom:
                continue
            if width == PHONE:
                report.check(f"{label} fits the screen", [] if dom["scrollWidth"] <= dom["viewportWidth"] else
                             [f"page is {dom['scrollWidth']} px wide in a {dom['viewportWidth']} px viewport"],
                             f"{dom['scrollWidth']} px wide in a {dom['viewportWidth']} px viewport")
                continue
            published = any(p["value"] is not None or p["suppressed"] for p in series["points"])
            series_path = f"/v1/public/indicators/{code}/series"
            downloads = [["CSV", series_path + "?format=csv"]] + (
                [["SDMX-CSV", f"/v1/public/sdmx/data/dataflow/ALLIANCE/STATS/1.0.0/{code}?format=csv"]] if published else []
            ) + [["JSON", series_path], ["Revision history, CSV", f"/v1/public/indicators/{code}/revisions?format=csv"]]
            problems = [] if dom["h1"] == indicator["name"] else [f"heading {dom['h1']!r}, catalogue {indicator['name']!r}"]
            problems += [] if dom["downloads"] == downloads else [f"downloads {dom['downloads']}, expected {downloads}"]
            problems += revision_problems(dom["revisions"], get_json(base, f"/v1/public/indicators/{code}/revisions"), indicator)
            charts = [c for c in dom["charts"] if c["indicator"] == code]
            if published:
                segments, rows = indicator_chart(series, full=True)
                problems += chart_problems(charts[0], segments, rows) if len(charts) == 1 else [f"{len(charts)} charts"]
                compared += sum(len(row) - 1 for row in rows)
                detail = f"{len(rows)} years, {sum(len(row) - 1 for row in rows)} cells as in the series API"
            else:
                problems += [] if dom["noFigure"] and not charts else ["no 'No published figure yet.' or a chart drawn"]
                detail = "no published figure yet, and says so"
            report.check(f"{path} figures", problems, detail)
    report.check("indicator pages coverage", [] if compared >= MIN_FIGURES else [f"only {compared} cells compared"],
                 f"{compared} table cells compared")


# --- The run ---

def get_json(base, path):
    with urllib.request.urlopen(base + path, timeout=TIMEOUT) as response:
        return json.load(response, parse_float=Decimal)  # exact decimals, to round as the server does


def pages_to_open(base):
    """/ shows the latest year; the latest year with an OG1.1 verdict has the most figures to compare."""
    years = get_json(base, "/v1/public/overview")["years"]
    if not years:
        sys.exit("browser-check: nothing is published, so the dashboard has no figures to check")
    latest = max(y["year"] for y in years)
    decided = max((y["year"] for y in years if any(t["met"] is not None for t in y["targets"])), default=latest)
    return [("/", latest, "root"), (f"/years/{latest}", latest, f"years-{latest}")] + (
        [(f"/years/{decided}", decided, f"years-{decided}")] if decided != latest else [])


def load_api(base, year):
    """What one year's page shows, from the public API; read just before the page, as the instance may publish."""
    overview = get_json(base, "/v1/public/overview")
    codes = [h["indicator"] for h in overview["years"][-1]["headlines"]]
    return {
        "overview": overview,
        "summary": get_json(base, f"/v1/public/summaries/{year}"),
        "series": {code: get_json(base, f"/v1/public/indicators/{code}/series") for code in codes},
        "reference": get_json(base, "/v1/public/reference-series"),
    }


def run(devtools, base, report):
    for domain in ("Page", "Runtime", "Log", "Network"):
        devtools.call(f"{domain}.enable")
    devtools.call("Page.setLifecycleEventsEnabled", enabled=True)
    for path, year, name in pages_to_open(base):
        for _ in range(ATTEMPTS):  # a release published while the page loads would read as a wrong figure
            api = load_api(base, year)
            dom, errors = open_page(devtools, base + path, DESKTOP, f"{name}-{DESKTOP}.png")
            if load_api(base, year) == api:
                break
        else:
            report.check(f"{path} steady figures", [f"the API changed while the page loaded, {ATTEMPTS} times"], "")
        check_browser(report, path, errors)
        if dom:
            check_year_page(report, path, dom, year, api)
    dom, errors = open_page(devtools, base + "/", PHONE, f"root-{PHONE}.png")
    check_browser(report, f"/ at {PHONE} px", errors)
    if dom:
        report.check(f"/ at {PHONE} px fits the screen",
                     [] if dom["scrollWidth"] <= dom["viewportWidth"] else
                     [f"page is {dom['scrollWidth']} px wide in a {dom['viewportWidth']} px viewport"],
                     f"{dom['scrollWidth']} px wide in a {dom['viewportWidth']} px viewport")
    check_indicator_pages(devtools, base, report)


def main():
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
    ARTIFACTS.mkdir(exist_ok=True)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="browser-check-") as profile:
        process, url = start_chromium(profile)
        try:
            devtools = DevTools(url)
            try:
                run(devtools, base, report)
            except (websocket.WebSocketException, RuntimeError) as error:  # Chromium stopped answering
                report.check("browser", [f"{type(error).__name__}: {error}"], "")
            finally:
                devtools.close()
        finally:
            stop_chromium(process)
    print(f"{'FAILED' if report.failed else 'PASSED'}: {report.passed} checks passed, {report.failed} failed;"
          f" screenshots in {ARTIFACTS}")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
