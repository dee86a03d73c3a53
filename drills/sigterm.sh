#!/usr/bin/env bash
# SIGTERM drill: the jar (embedded PostgreSQL in a temp dir) with IN_FLIGHT=200 requests in flight gets SIGTERM.
# Verdict: every request sent before the signal is answered, no 5xx, the process exits within 30 s, and the log
# shows the graceful shutdown with no error from the dispatch loop, ping writer or stream threads.
#
# Knobs: IN_FLIGHT=200 REBUILD=1 KEEP_WORKDIR=1
source "$(dirname "$0")/lib.sh"
start_service --returnit.data-dir="$WORK/data"
set +e
"$JAVA" -cp "$BENCH_LIB" drills/SigtermDrill.java --base="http://127.0.0.1:$HTTP_PORT" --pid="$SERVICE_PID" \
	--admin-email="$ADMIN_EMAIL" --admin-password="$ADMIN_PASSWORD" --in-flight="${IN_FLIGHT:-200}"
drill=$?
wait "$SERVICE_PID"; code=$?
SERVICE_PID=""
verdict=0
check() { if [ "$1" = 0 ]; then echo "  ok    $2"; else echo "  FAIL  $2"; verdict=1; fi; }
[ "$code" = 0 ] || [ "$code" = 143 ]; check $? "exit code $code (0, or 143 for 'ended by SIGTERM')"
grep -q "Graceful shutdown complete" "$LOG"; check $? "the web server drained: 'Graceful shutdown complete' in the log"
errors="$(sed -n '/Commencing graceful shutdown/,$p' "$LOG" | grep -E ' ERROR |Exception' | head -5 || true)"
[ -z "$errors" ]; check $? "no ERROR or exception logged during shutdown${errors:+: $errors}"
pg_pid="$(head -1 "$WORK/data/postgres/postmaster.pid" 2>/dev/null || true)"
[ -z "$pg_pid" ] || ! kill -0 "$pg_pid" 2>/dev/null
check $? "the embedded PostgreSQL was stopped with the service"
set -e
if [ "$drill" = 0 ] && [ "$verdict" = 0 ]; then echo "VERDICT: PASS (sigterm.sh)"; else echo "VERDICT: FAIL (sigterm.sh)"; exit 1; fi
