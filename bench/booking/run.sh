#!/usr/bin/env bash
# Booking benchmark in one command: starts ReturnIt on a free loopback port over a fresh embedded PostgreSQL,
# books through HTTP at saturation, runs the same writes as raw JDBC, then HTTP at half the saturated rate,
# prints the numbers and aims, and writes bench/booking/results/booking.{md,svg}. Stops the service at the end.
#
# Knobs (environment): CLIENTS=16 WARMUP=180 DURATION=20 HALF_DURATION=15 CUSTOMERS=$CLIENTS
#                      KEEP_WORKDIR=1 keeps the temp data dir and service log;
#                      SERVICE_JAVA_OPTS="..." adds JVM options to the service (e.g. -XX:StartFlightRecording=...).
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIENTS="${CLIENTS:-16}"
WARMUP="${WARMUP:-180}"
DURATION="${DURATION:-20}"
HALF_DURATION="${HALF_DURATION:-15}"
CUSTOMERS="${CUSTOMERS:-$CLIENTS}"
ADMIN_EMAIL="bench-admin@bench.returnit.local"
ADMIN_PASSWORD="bench-admin-password-1"
# operators log in with a TOTP code (ADR 0015); rate limits off: this benchmark measures throughput, not limits
export RETURNIT_ADMIN_TOTP_SECRET="${RETURNIT_ADMIN_TOTP_SECRET:-JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}"

JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

if [ ! -f target/returnit.jar ]; then
  echo "== Building target/returnit.jar (once)"
  ./mvnw -B -q -DskipTests package
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-bench.XXXXXX")"
BENCH_LIB="$WORK/bench-lib"; "$JAVA_HOME/bin/javac" -d "$BENCH_LIB" bench/lib/shared/returnit/bench/Totp.java  # Totp.currentCode()
LOG="$WORK/service.log"
SERVICE_PID=""

stop_service() {
  local status=$?
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    echo "== Stopping the service (pid $SERVICE_PID)"
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
  # Spring closes the embedded PostgreSQL on SIGTERM; if the JVM had to be killed, stop the postmaster it left.
  local pidfile="$WORK/data/postgres/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local pg_pid; pg_pid="$(head -1 "$pidfile")"
    if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
      echo "== Stopping the embedded PostgreSQL left behind (pid $pg_pid)"
      kill -TERM "$pg_pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  if [ "$status" -ne 0 ] && [ -f "$LOG" ]; then
    echo "== Last lines of the service log ($LOG):"; tail -n 30 "$LOG"
  fi
  if [ "${KEEP_WORKDIR:-0}" = 1 ] || [ "$status" -ne 0 ]; then
    echo "== Work dir kept: $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap stop_service EXIT
trap 'exit 130' INT TERM

# The client uses the very PostgreSQL driver the service ships with.
PG_JAR_NAME="$(unzip -Z1 target/returnit.jar 'BOOT-INF/lib/postgresql-*.jar' | head -1)"
unzip -q -j -o target/returnit.jar "$PG_JAR_NAME" -d "$WORK"
PG_JAR="$WORK/$(basename "$PG_JAR_NAME")"

read -r LOAD1 _ < /proc/loadavg
echo "== Load average before the run: $LOAD1 on $(nproc) cores"
if awk -v l="$LOAD1" 'BEGIN { exit !(l > 1.0) }'; then
  echo "   WARNING: the machine is busy; other processes will take CPU from the service and skew the numbers."
fi
echo "== Starting ReturnIt on 127.0.0.1 (free port), data in $WORK/data"
env -u SPRING_DATASOURCE_URL RETURNIT_ADMIN_EMAIL="$ADMIN_EMAIL" RETURNIT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$JAVA" ${SERVICE_JAVA_OPTS:-} -jar target/returnit.jar --server.address=127.0.0.1 --server.port=0 \
  --returnit.data-dir="$WORK/data" --returnit.security.rate-limits.enabled=false >"$LOG" 2>&1 &
SERVICE_PID=$!

HTTP_PORT=""; PG_PORT=""
for i in $(seq 1 240); do
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "The service exited during start-up" >&2; exit 1; }
  [ -z "$PG_PORT" ] && PG_PORT="$(sed -n 's/.*Embedded PostgreSQL started in [0-9]* ms on port \([0-9]*\).*/\1/p' "$LOG" | head -1)"
  if grep -q 'Started [A-Za-z]* in' "$LOG"; then
    HTTP_PORT="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$LOG" | head -1)"
    break
  fi
  [ $((i % 20)) -eq 0 ] && echo "   ...still starting ($((i / 2)) s)"
  sleep 0.5
done
[ -n "$HTTP_PORT" ] && [ -n "$PG_PORT" ] || { echo "No HTTP or PostgreSQL port in the log after 120 s" >&2; exit 1; }
echo "== Service up: http://127.0.0.1:$HTTP_PORT, embedded PostgreSQL on port $PG_PORT"

timeout 600 "$JAVA" -Xmx1g -cp "$PG_JAR:$BENCH_LIB" bench/booking/BookingBench.java \
  --base="http://127.0.0.1:$HTTP_PORT" --jdbc="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
  --admin-email="$ADMIN_EMAIL" --admin-password="$ADMIN_PASSWORD" \
  --clients="$CLIENTS" --customers="$CUSTOMERS" --warmup="$WARMUP" --duration="$DURATION" \
  --half-duration="$HALF_DURATION" --results=bench/booking/results --load-before="$LOAD1" \
  --service-pid="$SERVICE_PID" --pg-data="$WORK/data/postgres"
