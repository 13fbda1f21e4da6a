"""The statements one live-summary request sent, as a pgbench script: read from a
PostgreSQL log written with log_min_duration_statement = 0 (each `execute` entry and
the `parameters:` detail after it), parameters filled in as literals. Authentication's
statement (the token) and the pool's liveness checks (`SELECT 1`) are left out: the
floor is the summary's SQL."""
import re
import sys

ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
entries, current = [], []
for line in sys.stdin:
    if ENTRY.match(line) and current:
        entries.append("".join(current))
        current = []
    current.append(line)
if current:
    entries.append("".join(current))

statements = []
for index, entry in enumerate(entries):
    found = re.search(r"LOG:  duration: [\d.]+ ms  execute [^:]*: (.*)", entry, re.S)
    if not found:
        continue
    sql = found.group(1).strip()
    if "tokens" in sql or sql == "SELECT 1":
        continue
    following = entries[index + 1] if index + 1 < len(entries) else ""
    parameters = re.search(r"DETAIL:  parameters: (.*)", following, re.S)
    if parameters:
        values = dict(re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", parameters.group(1)))
        sql = re.sub(r"\$(\d+)", lambda m: values.get(m.group(1), m.group(0)), sql)
    statements.append(sql.rstrip(";") + ";")
print("\n".join(statements))
