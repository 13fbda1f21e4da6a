# Schemathesis hooks for scripts/conformance (loaded through SCHEMATHESIS_HOOKS).
#
# DELETE /v1/tokens/{id} revokes any token at once, and the fuzzer draws small
# integers often: left alone it revokes the very tokens the run authenticates
# with (ids 1 and 2 on a fresh CI database), after which every protected request
# is a 401 and the rest of the run tests nothing. So the one case this drops is a
# revocation of a token the run itself uses (by the id its bearer token carries,
# `at_<id>_<secret>`); every other id, and every other operation and check, is
# still tested. scripts/conformance also checks, after each run, that both tokens
# still work.
import os
import re

import schemathesis


def _protected_ids() -> set[int]:
    ids = set()
    for name in ("SECRETARIAT_TOKEN", "COUNTRY_TOKEN"):
        match = re.fullmatch(r"at_([0-9]+)_.+", os.environ.get(name, ""))
        if match:
            ids.add(int(match.group(1)))
    return ids


PROTECTED_TOKEN_IDS = _protected_ids()


def _as_id(value: object) -> int | None:
    # the server parses the segment with Int64(_:), which also takes "+27";
    # Python's int() takes that, leading zeros and surrounding blanks too: when in
    # doubt, protect
    try:
        return int(str(value))
    except ValueError:
        return None


@schemathesis.hook
def filter_case(context, case):
    if case.method.upper() == "DELETE" and case.operation.path == "/v1/tokens/{id}":
        return _as_id((case.path_parameters or {}).get("id")) not in PROTECTED_TOKEN_IDS
    return True


# POST /v1/imports takes its CSV file as `text/csv` (a string in the document):
# sent as the generated text, UTF-8.
@schemathesis.serializer("text/csv")
def csv_body(ctx, value):
    return value if isinstance(value, bytes) else str(value).encode("utf-8")
