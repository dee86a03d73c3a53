-- Background pings for bench/stream/run.sh: bench/pings/pings.lua as it is. (No delay(): defining one, even one that
-- returns 0, puts every request behind a timer and caps this machine at about 650 requests/s; the rate is set by
-- the number of connections instead.)
dofile("bench/pings/pings.lua")
