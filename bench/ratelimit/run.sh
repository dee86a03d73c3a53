#!/usr/bin/env bash
# Rate limit isolation benchmark, one command, loopback only, about two minutes plus the build (a 60 s warm-up,
# WARMUP=N to change it, then two measured phases):
#   bench/ratelimit/run.sh          # 10 quiet customers at 3 req/s; one customer bursting at about 1,000 req/s
#                                   # (300 times its limit) on 64 connections (wrk); 20 s per phase
#   QUIET=20 RATE=3 BURST=128 BURST_RATE=2000 SECONDS_PER_PHASE=30 bench/ratelimit/run.sh
#   BURST_RATE=0 bench/ratelimit/run.sh     # the burst as fast as the machine answers (client and service share 2 cores)
#   REDIS=1 bench/ratelimit/run.sh                          # buckets in Redis (a redis-server started on a free port)
# Starts the service jar on a free port with a temporary data directory (anonymous sign-ups unlimited so that the
# customers can be created; every other limit at its default) and appends the result to docs/benchmarks.md under
# "## Rate limits".
set -euo pipefail
cd "$(dirname "$0")/../.."
QUIET="${QUIET:-10}"
RATE="${RATE:-3}"
BURST="${BURST:-64}"
BURST_RATE="${BURST_RATE:-1000}"
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null || { echo "could not install wrk" >&2; exit 1; }
fi
SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-20}"
REDIS="${REDIS:-0}"
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "building target/returnit.jar"
  ./mvnw -B -q -DskipTests package
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-bench-XXXXXX")"
LOG="$WORK/service.log"
REDIS_ARGS=()
BACKEND="PostgreSQL"
if [ "$REDIS" = "1" ]; then
  REDIS_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  REDIS_ARGS=(--returnit.redis.url="redis://127.0.0.1:$REDIS_PORT")
  BACKEND="Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -d= -f2)"
fi
"$JAVA" -jar target/returnit.jar "${REDIS_ARGS[@]}" --server.port=0 --server.address=127.0.0.1 --returnit.data-dir="$WORK/data" \
  --returnit.security.rate-limits.anonymous=1000000 --returnit.dispatch.enabled=false \
  --logging.level.root=WARN --logging.level.com.returnit=INFO \
  --logging.level.org.springframework.boot.tomcat=INFO >"$LOG" 2>&1 &
PID=$!
cleanup() {
  kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
  if [ -n "${REDIS_PID:-}" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting the service (log: $LOG)"
for _ in $(seq 1 180); do
  grep -q "Tomcat started on port" "$LOG" && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG"; echo "the service did not start" >&2; exit 1; }
  sleep 1
done
PORT="$(grep -o 'Tomcat started on port [0-9]*' "$LOG" | grep -o '[0-9]*$' | head -1)"
[ -n "$PORT" ] || { cat "$LOG"; echo "no HTTP port in the log" >&2; exit 1; }
echo "service on 127.0.0.1:$PORT"

timeout $((SECONDS_PER_PHASE * 2 + ${WARMUP:-60} + 300)) "$JAVA" -Dburst.rate="$BURST_RATE" -Dwarmup="${WARMUP:-60}" bench/ratelimit/RateLimitBench.java "http://127.0.0.1:$PORT" \
  "$QUIET" "$RATE" "$BURST" "$SECONDS_PER_PHASE" "$WORK/result.md"

{
  printf '\nBuckets in: %s. Command: `REDIS=%s QUIET=%s RATE=%s BURST=%s BURST_RATE=%s SECONDS_PER_PHASE=%s bench/ratelimit/run.sh` (CPU: %s; load average at the end: %s)\n' \
    "$BACKEND" "$REDIS" "$QUIET" "$RATE" "$BURST" "$BURST_RATE" "$SECONDS_PER_PHASE" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
} >>"$WORK/result.md"
"$JAVA" bench/lib/AppendResult.java docs/benchmarks.md "$WORK/result.md" "## Rate limits" bench/ratelimit/intro.md
echo "appended to docs/benchmarks.md"
