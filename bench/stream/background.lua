-- Background pings for bench/stream/run.sh: bench/pings/pings.lua, paced by a fixed pause of DELAY_MS (env) before
-- each request on each connection, so that pings flow at about the asked rate while subscribers are measured.
dofile("bench/pings/pings.lua")

local pause = tonumber(os.getenv("DELAY_MS") or "0")

function delay()
  return pause
end
