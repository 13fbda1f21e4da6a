"""Checks the Atom feed of releases (see scripts/feed-check)."""

import json
import os
import re
import sys
import urllib.request
import xml.etree.ElementTree as ET

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = sys.argv[1].rstrip("/")
FEED = BASE + "/v1/public/releases.atom"
problems = []


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def fail(message):
    problems.append(message)


status, content_type, body = get(FEED)
if status != 200 or not content_type.startswith("application/atom+xml"):
    fail(f"{FEED}: {status} {content_type}")
if os.environ.get("FEED_CHECK_SPOIL") == "1":
    body = re.sub(rb"(<entry>.*?)<updated>[^<]*</updated>", rb"\1", body, count=1, flags=re.S)
    print("==> FEED_CHECK_SPOIL: the first entry's <updated> dropped")

parsed = feedparser.parse(body, response_headers={"content-location": FEED, "content-type": content_type})
if parsed.bozo:
    fail(f"feedparser flags the feed: {parsed.bozo_exception!r}")
if parsed.version != "atom10":
    fail(f"feedparser reads it as {parsed.version!r}, not Atom 1.0")

# RFC 4287 §4.1.1: atom:feed has id, title, updated, and an author unless every entry has one
root = ET.fromstring(body)
if root.tag != ATOM + "feed":
    fail(f"the root is {root.tag}, not atom:feed")


def text(element, name):
    child = element.find(ATOM + name)
    return None if child is None or not (child.text or "").strip() else child.text


for name in ["id", "title", "updated"]:
    if text(root, name) is None:
        fail(f"the feed has no {name}")
entries = root.findall(ATOM + "entry")
feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
if not feed_author and not all(e.find(f"{ATOM}author/{ATOM}name") is not None for e in entries):
    fail("neither the feed nor every entry has an author name")
if not any(link.get("rel") == "self" for link in root.findall(ATOM + "link")):
    fail("the feed has no link rel=self")

# RFC 4287 §4.1.2: atom:entry has id, title, updated, and a link rel=alternate or content
linked = {}
for index, entry in enumerate(entries):
    for name in ["id", "title", "updated"]:
        if text(entry, name) is None:
            fail(f"entry {index} has no {name}")
    alternates = [link.get("href") for link in entry.findall(ATOM + "link") if link.get("rel", "alternate") == "alternate"]
    if not alternates and entry.find(ATOM + "content") is None:
        fail(f"entry {index} has neither an alternate link nor content")
    match = re.fullmatch(r"/v1/public/summaries/(\d+)/releases/(\d+)", alternates[0] if alternates else "")
    if not match:
        fail(f"entry {index} links to {alternates}, not a release's summary")
        continue
    linked[(int(match[1]), int(match[2]))] = text(entry, "id")

ids = [e.get("id") for e in parsed.entries]
if len(set(ids)) != len(ids):
    fail(f"entry ids repeat: {ids}")
if len(parsed.entries) != len(entries):
    fail(f"feedparser saw {len(parsed.entries)} entries, the XML has {len(entries)}")

# exactly the public releases of the JSON list, each summary answering
_, _, listing = get(BASE + "/v1/public/releases")
public = {(r["year"], r["release"]) for r in json.loads(listing)["releases"] if r["status"] == "public"}
if set(linked) != public or len(linked) != len(entries):
    fail(f"the feed's entries {sorted(linked)} are not the public releases {sorted(public)}")
for year, release in sorted(linked):
    status, _, _ = get(f"{BASE}/v1/public/summaries/{year}/releases/{release}")
    if status != 200:
        fail(f"the summary of {year} release {release} answers {status}")

if problems:
    for problem in problems:
        print("feed-check:", problem, file=sys.stderr)
    sys.exit(1)
print(f"feed-check: {len(entries)} entries, every public release, every required element; feedparser {feedparser.__version__}, no error flag")
