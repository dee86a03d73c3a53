#!/usr/bin/env bash
# Node-kill drill on the cluster of bin/cluster (started here if it is not running, and then stopped again): bookings
# from CLIENTS customers through haproxy, each with an Idempotency-Key and retried with it; node 2 is killed with
# kill -9 at KILL_AT s, started again after the load. Verdict: 0 acknowledged bookings lost, 0 duplicates, every
# order event delivered to a webhook receiver on 127.0.0.1. Exit code 0 only on PASS.
#
# Knobs: CLIENTS=12 DURATION=40 KILL_AT=12 NODE=2 RETRY_FOR=150 (s a client keeps retrying one booking) CLUSTER_DIR CLUSTER_PORT (as bin/cluster)
source "$(dirname "$0")/cluster-lib.sh"
"$JAVA" -cp "$CLASSPATH" drills/NodeKillDrill.java --base="$BASE" --admin-email="$ADMIN_EMAIL" \
	--admin-password="$ADMIN_PASSWORD" --jdbc="$JDBC" --db-user=returnit --db-password=returnit-cluster \
	--clients="${CLIENTS:-12}" --duration="${DURATION:-40}" --kill-at="${KILL_AT:-12}" --retry-for="${RETRY_FOR:-150}" \
	--kill="bin/cluster node ${NODE:-2} kill" --revive="bin/cluster node ${NODE:-2} start"
