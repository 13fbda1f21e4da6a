-- wrk script of bench/filing.sh: each connection saves its country's whole report
-- (every indicator of the catalogue) again and again, sending back the ETag of its
-- last answer as If-Match, the way a client must (docs/filing-a-report.md, step 3).
--
-- Run with one connection per thread (wrk -tN -cN): a thread's request() and
-- response() then alternate on its one connection, so the thread's ETag is its
-- connection's. Every numeric value changes on every save (and booleans flip), so each
-- save also writes an audit entry per value: the heaviest whole-report save.
--
-- FILING_CLIENTS: a file, one line per client: "CC token etag".
-- FILING_INDICATORS: "code:kind,code:kind,…" (measure kinds of the catalogue).
-- FILING_YEAR: the open cycle's year.

local year = os.getenv("FILING_YEAR")
local clients = {}
for line in io.lines(os.getenv("FILING_CLIENTS")) do
    local cc, token, etag = line:match("^(%S+) (%S+) (%S+)$")
    if cc then clients[#clients + 1] = { cc, token, etag } end
end
local indicators = {}
for code, kind in os.getenv("FILING_INDICATORS"):gmatch("([%w_]+):(%a+)") do
    indicators[#indicators + 1] = { code, kind }
end

local threads = {}
function setup(thread)
    local c = clients[#threads + 1]
    thread:set("cc", c[1])
    thread:set("token", c[2])
    thread:set("etag", c[3])
    threads[#threads + 1] = thread
end

ok, failed, statuses, saves = 0, 0, "", 0

local function value(kind, n)
    if kind == "boolean" then return (n % 2 == 0) and "true" or "false" end
    if kind == "ratio" then return tostring(n % 100) end
    if kind == "duration" then return tostring(n % 30) .. ".5" end
    return tostring(100 + n)  -- flow, stock: whole and non-negative
end

function request()
    saves = saves + 1
    local parts = {}
    for i, indicator in ipairs(indicators) do
        parts[i] = string.format('{"indicator":"%s","value":%s,"source":"bench"}', indicator[1], value(indicator[2], saves))
    end
    local body = '{"values":[' .. table.concat(parts, ",") ..
        '],"narratives":[{"goal":1,"actions_taken":"bench","actions_planned":"bench"}]}'
    return wrk.format("PUT", "/v1/countries/" .. cc .. "/reports/" .. year, {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
        ["If-Match"] = '"' .. etag .. '"',
    }, body)
end

function response(status, headers, body)
    if status >= 200 and status < 300 then
        ok = ok + 1
        local tag = headers["ETag"] or headers["etag"] or headers["Etag"]
        if tag then etag = tag:gsub('"', "") end
    else
        failed = failed + 1
        if #statuses < 200 then statuses = statuses .. " " .. status end
    end
end

function done(summary, latency, requests)
    local good, bad, seen = 0, 0, ""
    for _, thread in ipairs(threads) do
        good = good + thread:get("ok")
        bad = bad + thread:get("failed")
        seen = seen .. thread:get("statuses")
    end
    local seconds = summary.duration / 1e6
    io.write(string.format("FILING clients=%d saves=%d errors=%d saves_per_s=%.1f p50_ms=%.2f p99_ms=%.2f socket_errors=%d statuses=[%s]\n",
        #threads, good, bad, good / seconds, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, seen))
end
