#!/usr/bin/env bash
# Webhook isolation benchmark in one command: starts ReturnIt on a free loopback port over a fresh embedded
# PostgreSQL (webhooks allowed to 127.0.0.1 over http), measures healthy-endpoint delivery latency without and with
# one hanging endpoint, prints both and their ratio, and appends the run to docs/benchmarks.md.
#
# Knobs (environment): ORDERS=40 RATE=4 ENDPOINTS=50 ROUNDS=2 KEEP_WORKDIR=1 RECORD=0 (do not touch docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/../.."

ORDERS="${ORDERS:-40}"
RATE="${RATE:-4}"
ENDPOINTS="${ENDPOINTS:-50}"
ROUNDS="${ROUNDS:-2}"
ADMIN_EMAIL="bench-admin@bench.returnit.local"
ADMIN_PASSWORD="bench-admin-password-1"

JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

if [ ! -f target/returnit.jar ]; then
  echo "== Building target/returnit.jar (once)"
  ./mvnw -B -q -DskipTests package
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-webhook-bench.XXXXXX")"
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
  local pidfile="$WORK/data/postgres/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local pg_pid; pg_pid="$(head -1 "$pidfile")"
    if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
      kill -TERM "$pg_pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  if [ "$status" -ne 0 ] && [ -f "$LOG" ]; then
    echo "== Last lines of the service log ($LOG):"; tail -n 30 "$LOG"
  fi
  if [ "${KEEP_WORKDIR:-0}" = 1 ] || [ "$status" -ne 0 ]; then echo "== Work dir kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$status"
}
trap stop_service EXIT
trap 'exit 130' INT TERM

echo "== Starting ReturnIt on 127.0.0.1 (free port), data in $WORK/data"
env -u SPRING_DATASOURCE_URL RETURNIT_ADMIN_EMAIL="$ADMIN_EMAIL" RETURNIT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  RETURNIT_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1 \
  "$JAVA" -jar target/returnit.jar --server.address=127.0.0.1 --server.port=0 --returnit.data-dir="$WORK/data" \
  --returnit.dispatch.enabled=false >"$LOG" 2>&1 &
SERVICE_PID=$!

HTTP_PORT=""
for i in $(seq 1 480); do
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "The service exited during start-up" >&2; exit 1; }
  if grep -q 'Started [A-Za-z]* in' "$LOG"; then
    HTTP_PORT="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$LOG" | head -1)"
    break
  fi
  sleep 0.5
done
[ -n "$HTTP_PORT" ] || { echo "No HTTP port in the log after 240 s" >&2; exit 1; }
echo "== Service up: http://127.0.0.1:$HTTP_PORT"

timeout 900 "$JAVA" bench/webhooks/WebhookBench.java --base="http://127.0.0.1:$HTTP_PORT" \
  --admin-email="$ADMIN_EMAIL" --admin-password="$ADMIN_PASSWORD" --orders="$ORDERS" --rate="$RATE" \
  --endpoints="$ENDPOINTS" --rounds="$ROUNDS" --out="$WORK/run.md"

if [ "${RECORD:-1}" = 1 ]; then
  "$JAVA" bench/lib/AppendResult.java docs/benchmarks.md "$WORK/run.md" "## Webhooks: one hanging endpoint among 50 healthy ones" \
    bench/webhooks/intro.md
  echo "== Appended to docs/benchmarks.md"
fi
