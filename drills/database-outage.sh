#!/usr/bin/env bash
# Database outage drill: the jar runs against a PostgreSQL 18 of its own (started here with pg_ctl), under steady
# load (bookings, order lists, location pings from 16 clients); the database is stopped for OUTAGE seconds and
# started again. Prints a per-second timeline and a verdict: 503 problem+json with Retry-After during the outage,
# fast (no pool or thread exhaustion), readiness 503, and recovery within 5 s of the database's return without a
# restart. Exit code 0 only on PASS.
#
# Knobs: OUTAGE=30 CLIENTS=16 FAIL_FAST_MS=3000 REBUILD=1 (rebuild the jar) KEEP_WORKDIR=1
source "$(dirname "$0")/lib.sh"
start_own_postgres
start_service --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
	--spring.datasource.username=postgres --spring.datasource.password=unused
# the drill stops and starts the database with these two scripts
printf '#!/usr/bin/env bash\n%s\n%s\npg_ctl_own stop -m fast\n' "$(declare -p AS_USER PG_BIN PGDATA_DIR WORK)" \
	"$(declare -f pg_ctl_own)" > "$WORK/db-stop"
printf '#!/usr/bin/env bash\n%s\n%s\npg_ctl_own start -o "%s"\n' "$(declare -p AS_USER PG_BIN PGDATA_DIR WORK)" \
	"$(declare -f pg_ctl_own)" "'$PG_OPTIONS'" > "$WORK/db-start"
chmod +x "$WORK/db-stop" "$WORK/db-start"
"$JAVA" -cp "$BENCH_LIB" drills/OutageDrill.java --base="http://127.0.0.1:$HTTP_PORT" --admin-email="$ADMIN_EMAIL" \
	--admin-password="$ADMIN_PASSWORD" --outage="${OUTAGE:-30}" --clients="${CLIENTS:-16}" \
	--fail-fast-ms="${FAIL_FAST_MS:-3000}" --stop="$WORK/db-stop" --start="$WORK/db-start"
kill -0 "$SERVICE_PID" && echo "== The service process (pid $SERVICE_PID) ran throughout: no restart"
