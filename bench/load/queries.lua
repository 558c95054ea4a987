-- wrk script for the HTTP load benchmark: cycles through a query list
-- (id<TAB>query lines, e.g. aol-benchmark-queries/queries.tsv) as
-- GET /search?q=... requests, each connection starting at its own offset,
-- and prints one parseable summary line at the end.
--   wrk ... -s queries.lua URL -- QUERIES.tsv
local paths = {}
local counter = 0
local threads_set_up = 0

-- Runs in the main Lua state once per wrk thread: spread their start points.
function setup(thread)
  threads_set_up = threads_set_up + 1
  thread:set("start", threads_set_up * 131)
end

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  for line in file:lines() do
    local query = line:match("^[^\t]*\t(.*)$")
    if query then paths[#paths + 1] = "/search?q=" .. encode(query) end
  end
  file:close()
  counter = (start or 0) % #paths
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format(
    "wrk requests=%d non2xx=%d socket_errors=%d qps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f\n",
    summary.requests, errors.status, failed, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
