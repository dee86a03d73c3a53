#!/usr/bin/env bash
# Replica-lost drill (ADR 0024): real PostgreSQL streaming replication from Debian's packages (a primary and a hot
# standby made with pg_basebackup, both started here with pg_ctl), one node of the jar reading from the standby
# through RETURNIT_REPLICA_URL. Clients read (order lists, one order, tracking) for PHASE seconds, the standby is
# stopped (fast shutdown, connections cut) under their feet, and they read PHASE seconds more. Prints a per-second
# timeline and a verdict: 0 errors, reads served by the replica before, by the primary after, the node ready
# throughout. Exit code 0 only on PASS. Bounded: the drill itself gives up after 300 s.
#
# Knobs: PHASE=10 CLIENTS=8 REBUILD=1 (rebuild the jar) KEEP_WORKDIR=1
source "$(dirname "$0")/lib.sh"

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/pg_basebackup" ]; then
	echo "== Installing Debian's postgresql"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
	PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
PSQL="$PG_BIN/psql"

PRIMARY_PORT="$(free_port)"
REPLICA_PORT="$(free_port)"
PRIMARY_DIR="$WORK/primary"
REPLICA_DIR="$WORK/replica"
pg() { # pg <data dir> <pg_ctl arguments...>
	local dir="$1"; shift
	eval "${AS_USER[*]} \"$PG_BIN/pg_ctl\" -D \"$dir\" -l \"$dir.log\" -w -s $*"
}
stop_postgres() {
	for dir in "$REPLICA_DIR" "$PRIMARY_DIR"; do
		[ -f "$dir/postmaster.pid" ] && pg "$dir" stop -m fast >/dev/null 2>&1 || true
	done
}
trap 'status=$?; stop_postgres; (exit $status); cleanup' EXIT

"${AS_USER[@]}" "$PG_BIN/initdb" -A trust -U postgres -E UTF-8 -D "$PRIMARY_DIR" >"$WORK/initdb.log" 2>&1
pg "$PRIMARY_DIR" start -o "'-p $PRIMARY_PORT -c listen_addresses=127.0.0.1 -c max_connections=200 -k $WORK -c wal_level=replica'"
"$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR" -R -X stream -c fast
chmod 700 "$REPLICA_DIR"
pg "$REPLICA_DIR" start -o "'-p $REPLICA_PORT -c listen_addresses=127.0.0.1 -c max_connections=200 -k $WORK'"
for _ in $(seq 1 50); do
	state="$("$PSQL" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -Atc "SELECT state FROM pg_stat_replication" postgres)"
	[ "$state" = streaming ] && break
	sleep 0.2
done
[ "$state" = streaming ] || { echo "The standby does not stream (state '$state')" >&2; exit 1; }
echo "== PostgreSQL $("$PSQL" -V | awk '{print $3}') primary on 127.0.0.1:$PRIMARY_PORT, streaming standby on 127.0.0.1:$REPLICA_PORT"

SCRAPE_TOKEN="replica-drill-scrape-token"
RETURNIT_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/postgres" RETURNIT_REPLICA_USERNAME=postgres \
	RETURNIT_REPLICA_PASSWORD=unused RETURNIT_SCRAPE_TOKEN="$SCRAPE_TOKEN" \
	start_service --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/postgres" \
	--spring.datasource.username=postgres --spring.datasource.password=unused \
	--returnit.replica.read-your-writes=2s --management.endpoint.health.group.readiness.show-details=always

printf '#!/usr/bin/env bash\n%s\n%s\npg "%s" stop -m fast\n' "$(declare -p AS_USER PG_BIN)" "$(declare -f pg)" \
	"$REPLICA_DIR" > "$WORK/replica-stop"
chmod +x "$WORK/replica-stop"
timeout 300 "$JAVA" -cp "$BENCH_LIB" drills/ReplicaDrill.java --base="http://127.0.0.1:$HTTP_PORT" \
	--admin-email="$ADMIN_EMAIL" --admin-password="$ADMIN_PASSWORD" --scrape-token="$SCRAPE_TOKEN" \
	--phase="${PHASE:-10}" --clients="${CLIENTS:-8}" --stop-replica="$WORK/replica-stop"
