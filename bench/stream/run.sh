#!/usr/bin/env bash
# Live stream benchmark, one command, loopback only, bounded in time (about 2 minutes plus the build):
#   bench/stream/run.sh            # 5,000 subscribers over 100 drivers' orders, each driver pinging every 4 s,
#                                  # plus 1,300 pings/s from 200 other drivers (wrk), 30 s measured
#   SUBSCRIBERS=2000 DRIVERS=20 RATE=20 BACKGROUND_RATE=0 DURATION=20 bench/stream/run.sh
# Starts the service jar on a free port with a temporary data directory, sets up through the API (as the operator
# RETURNIT_ADMIN_EMAIL / RETURNIT_ADMIN_PASSWORD) a service area, a merchant, DRIVERS drivers on shift each with one
# order booked 15 minutes ahead and accepted, connects SUBSCRIBERS WebSockets to /v1/stream spread over those orders,
# then sends RATE ping requests/s (1 ping each, round-robin over the drivers) for DURATION after WARMUP seconds and
# measures delivery latency of driver.position messages (receive time - ping recordedAt), the service's heap per
# connection (jcmd GC.run + GC.heap_info), prints PASS/MISS for p95 <= 500 ms, and appends the results to
# docs/benchmarks.md under "## Live stream". RATE/DRIVERS is each followed driver's ping rate (25/100: one every 4 s,
# as the load model's drivers); BACKGROUND_RATE pings/s (default 1,300, half the saturated one-ping-per-request
# rate of bench/pings) come meanwhile from BACKGROUND_DRIVERS other drivers through wrk (installed when missing),
# after JIT_WARMUP (default 90) seconds of the same pings before the subscribers connect.
# Diagnostics: HISTOGRAM=1 prints the service's largest heap classes with the subscribers connected; SERVICE_ARGS
# passes extra service arguments, e.g. SERVICE_ARGS=--returnit.tracking.stream.position-interval=PT0.25S.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUBSCRIBERS="${SUBSCRIBERS:-5000}"
DRIVERS="${DRIVERS:-100}"
RATE="${RATE:-25}"
BACKGROUND_DRIVERS="${BACKGROUND_DRIVERS:-200}"
BACKGROUND_RATE="${BACKGROUND_RATE:-1300}"
if [ "$BACKGROUND_RATE" != 0 ] && ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null || { echo "could not install wrk" >&2; exit 1; }
fi
SECONDS_MEASURED="${DURATION:-30}"
WARMUP="${WARMUP:-5}"
export RETURNIT_ADMIN_EMAIL="${RETURNIT_ADMIN_EMAIL:-bench-operator@bench.returnit.local}"
export RETURNIT_ADMIN_PASSWORD="${RETURNIT_ADMIN_PASSWORD:-bench-operator-password}"
# operators log in with a TOTP code (ADR 0015); rate limits off: this benchmark measures throughput, not limits
export RETURNIT_ADMIN_TOTP_SECRET="${RETURNIT_ADMIN_TOTP_SECRET:-JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}"
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

# one socket per subscriber on each side (client and service run under this shell's limit)
NEED=$((SUBSCRIBERS + 2048))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$NEED" ]; then
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
echo "open files limit: $(ulimit -n) (need about $NEED)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$NEED" ]; then
  echo "the open files limit is too low for $SUBSCRIBERS subscribers" >&2; exit 1
fi

if [ "${SKIP_BUILD:-}" != "1" ] || [ ! -f target/returnit.jar ]; then
  echo "building target/returnit.jar"
  ./mvnw -B -q -DskipTests package
fi

read -r LOAD1 _ < /proc/loadavg
echo "load average before the run: $LOAD1 on $(nproc) cores"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-stream-XXXXXX")"
BENCH_LIB="$WORK/bench-lib"; "$JAVA_HOME/bin/javac" -d "$BENCH_LIB" bench/lib/shared/returnit/bench/Totp.java  # Totp.currentCode()
LOG="$WORK/service.log"
"$JAVA" -jar target/returnit.jar --server.port=0 --server.address=127.0.0.1 --returnit.data-dir="$WORK/data" \
  --returnit.security.rate-limits.enabled=false \
  --logging.level.root=WARN --logging.level.com.returnit=INFO \
  --logging.level.org.springframework.boot.tomcat=INFO ${SERVICE_ARGS:-} >"$LOG" 2>&1 &
PID=$!
cleanup() {
  local status=$?
  kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then echo "last service log lines:"; tail -n 20 "$LOG" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting the service (log: $LOG)"
for _ in $(seq 1 120); do
  grep -q "Tomcat started on port" "$LOG" && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG"; echo "the service did not start" >&2; exit 1; }
  sleep 1
done
PORT="$(grep -o 'Tomcat started on port [0-9]*' "$LOG" | grep -o '[0-9]*$' | head -1)"
[ -n "$PORT" ] || { cat "$LOG"; echo "no HTTP port in the log" >&2; exit 1; }
echo "service on 127.0.0.1:$PORT (pid $PID)"

timeout $((SECONDS_MEASURED + WARMUP + 420)) "$JAVA" -Dload.before="$LOAD1" -Dbackground.drivers="$BACKGROUND_DRIVERS" \
  -Dbackground.rate="$BACKGROUND_RATE" -Dbackground.jit-warmup="${JIT_WARMUP:-90}" -Dhistogram="$([ -n "${HISTOGRAM:-}" ] && [ "${HISTOGRAM}" != 0 ] && echo true || echo false)" -cp "$BENCH_LIB" bench/stream/StreamBench.java \
  "http://127.0.0.1:$PORT" "$DRIVERS" "$SUBSCRIBERS" "$RATE" "$SECONDS_MEASURED" "$WARMUP" \
  "$RETURNIT_ADMIN_EMAIL" "$RETURNIT_ADMIN_PASSWORD" "$PID" "$JAVA_HOME/bin/jcmd" "$WORK/result.md"

{
  printf '\nCommand: `SUBSCRIBERS=%s DRIVERS=%s RATE=%s BACKGROUND_DRIVERS=%s BACKGROUND_RATE=%s DURATION=%s WARMUP=%s bench/stream/run.sh` (CPU: %s, %s cores; service and client on the same machine, default JVM options%s)\n' \
    "$SUBSCRIBERS" "$DRIVERS" "$RATE" "$BACKGROUND_DRIVERS" "$BACKGROUND_RATE" "$SECONDS_MEASURED" "$WARMUP" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(nproc)" "${SERVICE_ARGS:+; service arguments: $SERVICE_ARGS}"
} >>"$WORK/result.md"
"$JAVA" bench/lib/AppendResult.java docs/benchmarks.md "$WORK/result.md" "## Live stream" bench/stream/intro.md
echo "appended to docs/benchmarks.md"
