#!/usr/bin/env bash
# Redis-lost drill on the cluster of bin/cluster (started here if it is not running, and then stopped again): a load
# of bookings and reads through haproxy; Redis is stopped at 8 s for GAP s and started again. Verdict: no errors to
# clients, WebSocket fan-out from node 1 to a subscriber on node 2 before, during (PostgreSQL NOTIFY) and after the
# gap, and Redis used again once it is back (its PUBLISH count grows). Exit code 0 only on PASS.
#
# Knobs: CLIENTS=8 GAP=15 CLUSTER_DIR CLUSTER_PORT (as bin/cluster)
source "$(dirname "$0")/cluster-lib.sh"
REDIS_PORT=$((CLUSTER_PORT + 299))
"$JAVA" -cp "$CLASSPATH" drills/FaultDrill.java --name=redis --base="$BASE" --admin-email="$ADMIN_EMAIL" \
	--admin-password="$ADMIN_PASSWORD" --clients="${CLIENTS:-8}" --gap="${GAP:-15}" \
	--stop="bin/cluster redis stop" --start="bin/cluster redis start" \
	--fanout-from="http://127.0.0.1:$((CLUSTER_PORT + 1))" --fanout-to="http://127.0.0.1:$((CLUSTER_PORT + 2))" \
	--publish-count="redis-cli -p $REDIS_PORT INFO commandstats | sed -n 's/^cmdstat_publish:calls=\([0-9]*\).*/\1/p'"
