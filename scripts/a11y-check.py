#!/usr/bin/env python3
"""Runs axe-core on the public pages in headless Chromium; fails on any serious or critical violation.

Usage: scripts/a11y-check.py BASE_URL AXE_JS [PATH ...]

Opens / and the page of every published year (`/years/{y}`), every indicator's page
(`/indicators/{code}`) the instance serves, then each PATH given, and
runs axe-core (the axe.min.js bundled by axe-selenium-python, at AXE_JS) in each page.
The script is evaluated through the DevTools protocol (Runtime.evaluate), which the
pages' Content-Security-Policy (no script) does not block. Prints the axe-core version,
then every violation with its nodes; exits 1 if any is of impact serious or critical.
A11Y_CHECK_SPOIL=1 spoils each page before the check (its lead paragraph in a colour
too pale to read, the page's language removed), to see the check fail.
Chromium is driven as scripts/browser-check.py drives it (its functions are reused).
"""

import importlib.util
import json
import os
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("browser_check", HERE / "browser-check.py")
browser = importlib.util.module_from_spec(spec)
spec.loader.exec_module(browser)

FAILING = {"serious", "critical"}
SPOIL = """(() => {
  document.documentElement.removeAttribute('lang');
  for (const p of document.querySelectorAll('header p')) p.style.color = '#bbbbbb';
})()"""
# Pages checked on every run; add a path here (or pass it on the command line) to check more.
PATHS = ["/"]


def published_year_paths(base):
    """The page of every year that has a published release."""
    with urllib.request.urlopen(base + "/v1/public/overview", timeout=browser.TIMEOUT) as response:
        years = json.load(response)["years"]
    return [f"/years/{y['year']}" for y in years]


def indicator_paths(base):
    """The page of every indicator of the catalogue, where the instance has such pages (a 404 is none)."""
    with urllib.request.urlopen(base + "/v1/indicators", timeout=browser.TIMEOUT) as response:
        codes = [i["code"] for i in json.load(response)["indicators"]]
    paths = []
    for code in codes:
        try:
            with urllib.request.urlopen(f"{base}/indicators/{code}", timeout=browser.TIMEOUT):
                paths.append(f"/indicators/{code}")
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
    return paths


def load(devtools, url):
    since = len(devtools.events)
    navigation = devtools.call("Page.navigate", url=url)
    if "errorText" in navigation:
        raise RuntimeError(f"navigation to {url} failed: {navigation['errorText']}")
    devtools.wait_for(since, "Page.loadEventFired")


def evaluate(devtools, expression):
    result = devtools.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
    if "exceptionDetails" in result:
        raise RuntimeError(f"axe-core failed in the page: {result['exceptionDetails'].get('text')}")
    return result["result"].get("value")


def check(devtools, axe_source, url):
    """Runs axe-core in the loaded page; returns its violations."""
    load(devtools, url)
    if os.environ.get("A11Y_CHECK_SPOIL") == "1":
        evaluate(devtools, SPOIL)
    evaluate(devtools, axe_source)
    raw = evaluate(devtools, "axe.run(document).then(r => JSON.stringify(r.violations))")
    return evaluate(devtools, "axe.version"), json.loads(raw)


def print_violation(path, violation):
    print(f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({path})")
    for node in violation["nodes"]:
        print(f"      {' '.join(node['target'])}: {node['html'][:160]}")
        summary = node.get("failureSummary")
        if summary:
            print("        " + summary.replace("\n", "\n        "))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, axe_source = sys.argv[1].rstrip("/"), Path(sys.argv[2]).read_text()
    paths = PATHS + published_year_paths(base) + indicator_paths(base) + sys.argv[3:]
    failing = 0
    with tempfile.TemporaryDirectory(prefix="a11y-check-") as profile:
        process, url = browser.start_chromium(profile)
        try:
            devtools = browser.DevTools(url)
            devtools.call("Page.enable")
            try:
                for path in paths:
                    version, violations = check(devtools, axe_source, base + path)
                    serious = [v for v in violations if v["impact"] in FAILING]
                    failing += len(serious)
                    print(f"axe-core {version} on {path}: {len(violations)} violations, {len(serious)} serious or critical")
                    for violation in violations:
                        print_violation(path, violation)
            finally:
                devtools.close()
        finally:
            browser.stop_chromium(process)
    print(f"{'FAILED' if failing else 'PASSED'}: {len(paths)} pages, {failing} serious or critical violations")
    sys.exit(1 if failing else 0)


if __name__ == "__main__":
    main()
