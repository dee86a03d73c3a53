-- wrk script of bench/pings/run.sh: each request posts PINGS pings (env, default 1) of one driver, drivers taken in
-- turn from the token file TOKENS (one access token per line). wrk thread t of n sends for the drivers t, t+n, ...
-- so each driver's pings come from one thread: 100 ms apart from BASE_EPOCH (env, seconds) onwards, moving about
-- 0.55 m north each (5.5 m/s, never flagged as a jump), every ping a new row. Counts answers other than 202.
local threads = {}
local nthreads = 0

function setup(thread)
  thread:set("id", nthreads)
  nthreads = nthreads + 1
  table.insert(threads, thread)
end

function init(args)
  perRequest = tonumber(os.getenv("PINGS") or "1")
  base = tonumber(os.getenv("BASE_EPOCH"))
  count = tonumber(os.getenv("THREADS"))
  drivers = {}
  local i = 0
  for line in io.lines(os.getenv("TOKENS")) do
    if i % count == id then
      table.insert(drivers, { token = "Bearer " .. line, sent = 0, lat = 52.40 + (i % 97) * 0.002, lng = 13.20 + (i % 89) * 0.004 })
    end
    i = i + 1
  end
  turn = 0
  refused = 0
end

local function stamp(tenths)
  local seconds = base + math.floor(tenths / 10)
  return os.date("!%Y-%m-%dT%H:%M:%S", seconds) .. string.format(".%d00Z", tenths % 10)
end

request = function()
  turn = turn % #drivers + 1
  local d = drivers[turn]
  local pings = {}
  for k = 1, perRequest do
    local n = d.sent
    d.sent = n + 1
    pings[k] = string.format('{"lat":%.6f,"lng":%.6f,"recordedAt":"%s","accuracyM":6.5,"speedMps":5.5,"headingDeg":0}',
      d.lat + n * 0.000005, d.lng, stamp(n))
  end
  return wrk.format("POST", "/v1/drivers/me/locations",
    { ["Authorization"] = d.token, ["Content-Type"] = "application/json" },
    '{"pings":[' .. table.concat(pings, ",") .. ']}')
end

response = function(status, headers, body)
  if status ~= 202 then
    refused = refused + 1
  end
end

done = function(summary, latency, requests)
  local other = 0
  for _, thread in ipairs(threads) do
    other = other + thread:get("refused")
  end
  io.write(string.format("RESULT requests=%d other=%d errors=%d p50us=%d p99us=%d seconds=%.3f\n",
    summary.requests, other, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), summary.duration / 1e6))
end
