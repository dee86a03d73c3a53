#!/usr/bin/env bash
# Location ping benchmark, one command, loopback only, bounded in time (about 5 minutes plus the build):
#   bench/pings/run.sh                       # 100 drivers, concurrency 64, 120 s JIT warm-up, 15 s per phase
#   WARMUP=60 bench/pings/run.sh             # a shorter warm-up (C2 needs about two minutes of this load on 2 cores)
#   DRIVERS=200 CONCURRENCY=128 SECONDS_PER_PHASE=20 bench/pings/run.sh
#   PROFILE=1 bench/pings/run.sh             # records the service with JFR and prints its hottest methods instead
#   RATE_LIMITS=on bench/pings/run.sh        # with the service's rate limiting on (a limit no driver reaches), as in production
#   SERVICE_ARGS="--returnit.tracking.writers=1" bench/pings/run.sh   # the service with other settings
#   REDIS=1 RATE_LIMITS=on bench/pings/run.sh  # with Redis configured (a redis-server on a free port): buckets, latest
#                                            # positions and fan-out in Redis, as a scaled-out deployment runs
# Starts the service jar on a free port with a temporary data directory, creates the drivers through the API (as
# the operator RETURNIT_ADMIN_EMAIL / RETURNIT_ADMIN_PASSWORD), puts them on shift, measures pings acknowledged (202)
# per second at 1 and at 10 pings per request with wrk (installed with apt-get when missing; script
# bench/pings/pings.lua), checks every acknowledged ping is a new row, then the raw single-row INSERT rate into the same table over JDBC
# against the same embedded PostgreSQL, and appends the results to docs/benchmarks.md under "## Location pings".
set -euo pipefail
cd "$(dirname "$0")/../.."
DRIVERS="${DRIVERS:-100}"
CONCURRENCY="${CONCURRENCY:-64}"
SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-15}"
WARMUP="${WARMUP:-120}"
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null || { echo "could not install wrk" >&2; exit 1; }
fi
export RETURNIT_ADMIN_EMAIL="${RETURNIT_ADMIN_EMAIL:-bench-operator@bench.returnit.local}"
export RETURNIT_ADMIN_PASSWORD="${RETURNIT_ADMIN_PASSWORD:-bench-operator-password}"
# operators log in with a TOTP code (ADR 0015); rate limits off by default: this benchmark measures throughput, not
# limits. RATE_LIMITS=on keeps them on with a driver-pings limit no driver reaches, to measure what counting costs.
RATE_LIMIT_ARGS=(--returnit.security.rate-limits.enabled=false)
if [ "${RATE_LIMITS:-off}" = "on" ]; then
  RATE_LIMIT_ARGS=(--returnit.security.rate-limits.enabled=true)
  for tier in anonymous operator driver driver-pings; do RATE_LIMIT_ARGS+=("--returnit.security.rate-limits.$tier=1000000000"); done
fi
REDIS_ARGS=()
if [ "${REDIS:-0}" = "1" ]; then
  if ! command -v redis-server >/dev/null; then
    echo "installing redis-server (Debian package)"
    { apt-get update -qq && apt-get install -y -qq redis-server; } >/dev/null || { echo "could not install redis-server" >&2; exit 1; }
  fi
fi
export RETURNIT_ADMIN_TOTP_SECRET="${RETURNIT_ADMIN_TOTP_SECRET:-JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}"
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "building target/returnit.jar"
  ./mvnw -B -q -DskipTests package
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-bench-XXXXXX")"
BENCH_LIB="$WORK/bench-lib"; "$JAVA_HOME/bin/javac" -d "$BENCH_LIB" bench/lib/shared/returnit/bench/Totp.java  # Totp.currentCode()
LOG="$WORK/service.log"
if [ "${REDIS:-0}" = "1" ]; then
  REDIS_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  REDIS_ARGS=(--returnit.redis.url="redis://127.0.0.1:$REDIS_PORT")
  echo "Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -d= -f2) on 127.0.0.1:$REDIS_PORT"
fi
PROFILE_ARGS=()
if [ "${PROFILE:-}" = "1" ]; then PROFILE_ARGS=("-XX:StartFlightRecording=filename=$WORK/service.jfr,settings=profile,dumponexit=true"); fi
"$JAVA" "${PROFILE_ARGS[@]}" -jar target/returnit.jar --server.port=0 --server.address=127.0.0.1 --returnit.data-dir="$WORK/data" \
  "${RATE_LIMIT_ARGS[@]}" "${REDIS_ARGS[@]}" ${SERVICE_ARGS:-} \
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
for _ in $(seq 1 120); do
  grep -q "Tomcat started on port" "$LOG" && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG"; echo "the service did not start" >&2; exit 1; }
  sleep 1
done
PORT="$(grep -o 'Tomcat started on port [0-9]*' "$LOG" | grep -o '[0-9]*$' | head -1)"
PG_PORT="$(grep -o 'Embedded PostgreSQL started in [0-9]* ms on port [0-9]*' "$LOG" | grep -o '[0-9]*$' | head -1)"
[ -n "$PORT" ] && [ -n "$PG_PORT" ] || { cat "$LOG"; echo "no HTTP or PostgreSQL port in the log" >&2; exit 1; }
echo "service on 127.0.0.1:$PORT, embedded PostgreSQL on port $PG_PORT"

mkdir -p "$WORK/lib"
(cd "$WORK/lib" && "$JAVA_HOME/bin/jar" xf "$OLDPWD/target/returnit.jar" $("$JAVA_HOME/bin/jar" tf "$OLDPWD/target/returnit.jar" | grep 'BOOT-INF/lib/postgresql-'))
PGJDBC="$(ls "$WORK"/lib/BOOT-INF/lib/postgresql-*.jar)"

timeout $((SECONDS_PER_PHASE * 5 + WARMUP + 300)) "$JAVA" -Dwarmup="$WARMUP" -cp "$PGJDBC:$BENCH_LIB" bench/pings/PingBench.java \
  "http://127.0.0.1:$PORT" "$PG_PORT" "$DRIVERS" "$CONCURRENCY" "$SECONDS_PER_PHASE" "$RETURNIT_ADMIN_EMAIL" \
  "$RETURNIT_ADMIN_PASSWORD" "$WORK/result.md" "$PID"

{
  printf '\nCommand: `DRIVERS=%s CONCURRENCY=%s SECONDS_PER_PHASE=%s WARMUP=%s RATE_LIMITS=%s REDIS=%s SERVICE_ARGS="%s" bench/pings/run.sh` (CPU: %s)\n' \
    "$DRIVERS" "$CONCURRENCY" "$SECONDS_PER_PHASE" "$WARMUP" "${RATE_LIMITS:-off}" "${REDIS:-0}" "${SERVICE_ARGS:-}" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
} >>"$WORK/result.md"
if [ "${PROFILE:-}" = "1" ]; then
  kill "$PID"; wait "$PID" 2>/dev/null || true
  cp "$WORK/service.jfr" "${TMPDIR:-/tmp}/returnit-pings.jfr"
  echo "where the service's CPU went in ping requests (JFR samples of HTTP request threads, password hashing left out):"
  "$JAVA" bench/lib/HotFrames.java "$WORK/service.jfr" CoyoteAdapter Argon2 30
  echo "(profiled run: results not appended to docs/benchmarks.md; recording kept in ${TMPDIR:-/tmp}/returnit-pings.jfr)"
  exit 0
fi
"$JAVA" bench/lib/AppendResult.java docs/benchmarks.md "$WORK/result.md" "## Location pings" bench/pings/intro.md
echo "appended to docs/benchmarks.md"
