#!/usr/bin/env bash
# Replica-lost drill on the cluster of bin/cluster (started here if it is not running, and then stopped again): a load
# of bookings and reads (order lists, single orders, tracking) through haproxy, plus READERS customers who only read
# orders they booked before; the streaming replica is stopped at 12 s for GAP s and started again. Verdict, from the
# clients' answers and every node's returnit_replica_reads_total (summed over the nodes, ADR 0024): reads were served
# by the replica before the stop, only by the primary during the gap, by the replica again after it is back; no
# client saw an error; bookings succeeded in every phase; the replica catches up afterwards. Exit code 0 only on PASS.
#
# Knobs: CLIENTS=8 READERS=4 GAP=15 CLUSTER_DIR CLUSTER_PORT (as bin/cluster)
source "$(dirname "$0")/cluster-lib.sh"
"$JAVA" -cp "$CLASSPATH" drills/FaultDrill.java --name=replica --base="$BASE" --admin-email="$ADMIN_EMAIL" \
	--admin-password="$ADMIN_PASSWORD" --clients="${CLIENTS:-8}" --readers="${READERS:-4}" --stop-at=12 \
	--gap="${GAP:-15}" --replica-nodes="$NODE_URLS" --scrape-token="$SCRAPE_TOKEN" \
	--stop="bin/cluster replica stop" --start="bin/cluster replica start"
lag="$(PGPASSWORD=returnit-cluster psql -h 127.0.0.1 -p $((CLUSTER_PORT + 352)) -U returnit -d postgres -tAq -c \
	"SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), -1) FROM pg_stat_replication")"
echo "== Replica streaming again, $lag bytes behind the primary"
