#!/usr/bin/env bash
# Primary-restart drill on the cluster of bin/cluster (started here if it is not running, and then stopped again):
# the OutageDrill's load (bookings, order lists, pings) through haproxy while the PostgreSQL primary is stopped for
# OUTAGE s and started again. Verdict (OutageVerdict): 503 problem+json with Retry-After during the gap (from the
# nodes, or from haproxy once no node is ready), no hangs, answers again within 5 s; then every node is ready again
# within RECOVER s with the pid it had before: no node was restarted. Exit code 0 only on PASS.
#
# Knobs: OUTAGE=20 CLIENTS=12 FAIL_FAST_MS=3000 RECOVER=10 CLUSTER_DIR CLUSTER_PORT (as bin/cluster)
source "$(dirname "$0")/cluster-lib.sh"
DIR="${CLUSTER_DIR:-target/cluster}"
declare -A PIDS
for f in "$DIR"/node*.pid; do k="$(basename "$f" .pid)"; PIDS[$k]="$(cat "$f")"; done
set +e
"$JAVA" -cp "$CLASSPATH" drills/OutageDrill.java --base="$BASE" --admin-email="$ADMIN_EMAIL" \
	--admin-password="$ADMIN_PASSWORD" --outage="${OUTAGE:-20}" --clients="${CLIENTS:-12}" \
	--fail-fast-ms="${FAIL_FAST_MS:-3000}" --stop="bin/cluster db stop" --start="bin/cluster db start"
drill=$?
verdict=0
for k in "${!PIDS[@]}"; do
	port=$((CLUSTER_PORT + ${k#node}))
	waited=0
	until [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ]; do
		[ "$waited" -ge "${RECOVER:-10}" ] && break
		sleep 1; waited=$((waited + 1))
	done
	code="$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")"
	now="$(cat "$DIR/$k.pid" 2>/dev/null || echo none)"
	if [ "$code" = 200 ] && [ "$now" = "${PIDS[$k]}" ]; then
		echo "  ok    $k ready (after ${waited} s more) with the same pid ${PIDS[$k]}: not restarted"
	else
		echo "  FAIL  $k readiness $code, pid ${PIDS[$k]} -> $now"; verdict=1
	fi
done
if [ "$drill" = 0 ] && [ "$verdict" = 0 ]; then echo "VERDICT: PASS (primary-restart)"; else echo "VERDICT: FAIL (primary-restart)"; exit 1; fi
