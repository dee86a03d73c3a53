-- The burst of bench/ratelimit/run.sh: one customer (TOKEN, env) calling GET /v1/orders?limit=5 on every
-- connection, each pausing DELAY_MS (env) before each request when set, so that together they send about the asked
-- rate (none: as fast as the machine answers). Counts 429s and any other answer, and which of the 429s came from the
-- load balancer (bin/cluster's edge limit, ADR 0029: RateLimit "edge").
local token = os.getenv("TOKEN")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  refused = 0
  other = 0
  edge = 0
end

request = function()
  return wrk.format("GET", "/v1/orders?limit=5", { ["Authorization"] = "Bearer " .. token })
end

response = function(status, headers, body)
  if status == 429 then
    refused = refused + 1
    for name, value in pairs(headers) do
      if string.lower(name) == "ratelimit" and string.find(value, '"edge"', 1, true) then
        edge = edge + 1
      end
    end
  elseif status ~= 200 then
    other = other + 1
  end
end

if pause > 0 then
  function delay()
    return pause
  end
end

done = function(summary, latency, requests)
  local r, o, e = 0, 0, 0
  for _, thread in ipairs(threads) do
    r = r + thread:get("refused")
    o = o + thread:get("other")
    e = e + thread:get("edge")
  end
  io.write(string.format("RESULT requests=%d refused=%d other=%d errors=%d seconds=%.3f edge=%d\n", summary.requests, r,
    o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, e))
end
