# Sourced by bin/load and bin/capacity: the service to load. With RETURNIT_TARGET_URL it is that one (seeding needs
# RETURNIT_ADMIN_EMAIL/_PASSWORD/_TOTP_SECRET of an operator there); otherwise the built jar on a free loopback
# port over a fresh embedded PostgreSQL, rate limits off (ADR 0023), stopped by its pid at exit.
# Sets BASE, SERVICE_PID (empty for a remote target), PG_PORT, JDBC_URL, SCRAPE_TOKEN, WORK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
export RETURNIT_ADMIN_TOTP_SECRET="${RETURNIT_ADMIN_TOTP_SECRET:-JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}"
export RETURNIT_ADMIN_EMAIL="${RETURNIT_ADMIN_EMAIL:-load-admin@load.returnit.local}"
export RETURNIT_ADMIN_PASSWORD="${RETURNIT_ADMIN_PASSWORD:-load-admin-password-1}"
SCRAPE_TOKEN="${RETURNIT_SCRAPE_TOKEN:-load-scrape-token}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-load.XXXXXX")"
SERVICE_PID=""; PG_PORT=""; JDBC_URL="${LOAD_JDBC_URL:-}"
# Overrides that keep the service's limits out of the generator's way unless a profile wants them.
RATE_LIMITS="${LOAD_RATE_LIMITS:-off}"

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
		[ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null && kill -TERM "$pg_pid" 2>/dev/null || true
	fi
	if [ "$status" -ne 0 ] || [ "${KEEP_WORKDIR:-0}" = 1 ]; then
		echo "== Work dir kept: $WORK"
	else
		rm -rf "$WORK"
	fi
	exit "$status"
}
trap stop_service EXIT
trap 'exit 130' INT TERM

rate_limit_args() {
	if [ "$RATE_LIMITS" = on ]; then
		echo "--returnit.security.rate-limits.enabled=true"
	else
		echo "--returnit.security.rate-limits.enabled=false"
	fi
}

start_service() {
	if [ -n "${RETURNIT_TARGET_URL:-}" ]; then
		BASE="${RETURNIT_TARGET_URL%/}"
		echo "== Target: $BASE (not started here)"
		return
	fi
	if [ ! -f target/returnit.jar ] || [ "${REBUILD:-0}" = 1 ]; then
		echo "== Building target/returnit.jar"
		./mvnw -B -q -DskipTests package
	fi
	local log="$WORK/service.log"
	echo "== Starting ReturnIt from target/returnit.jar (rate limits $RATE_LIMITS), data in $WORK/data"
	env -u SPRING_DATASOURCE_URL "$JAVA" ${SERVICE_JAVA_OPTS:--Xmx1g} -jar target/returnit.jar \
		--server.address=127.0.0.1 --server.port=0 --returnit.data-dir="$WORK/data" \
		--returnit.admin.totp-secret="$RETURNIT_ADMIN_TOTP_SECRET" --returnit.shutdown.drain-delay=0s \
		--returnit.operations.scrape-token="$SCRAPE_TOKEN" "$(rate_limit_args)" ${SERVICE_ARGS:-} >"$log" 2>&1 &
	SERVICE_PID=$!
	local port=""
	for i in $(seq 1 480); do
		kill -0 "$SERVICE_PID" 2>/dev/null || { echo "The service exited during start-up:" >&2; tail -30 "$log" >&2; exit 1; }
		[ -z "$PG_PORT" ] && PG_PORT="$(sed -n 's/.*Embedded PostgreSQL started in [0-9]* ms on port \([0-9]*\).*/\1/p' "$log" | head -1)"
		if grep -q 'Started [A-Za-z]* in' "$log"; then
			port="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)"
			break
		fi
		[ $((i % 20)) -eq 0 ] && echo "   ...still starting ($((i / 2)) s)"
		sleep 0.5
	done
	[ -n "$port" ] || { echo "The service did not start within 240 s" >&2; exit 1; }
	BASE="http://127.0.0.1:$port"
	[ -n "$PG_PORT" ] && JDBC_URL="${JDBC_URL:-jdbc:postgresql://127.0.0.1:$PG_PORT/postgres}"
	echo "== Service (pid $SERVICE_PID) up on $BASE, embedded PostgreSQL on port ${PG_PORT:-?}"
}

# runs one Gatling simulation: gatling <SimulationClass> <profile> [extra -D...]
gatling() {
	local simulation="$1" profile="$2"; shift 2
	./mvnw -B -q -f load/pom.xml gatling:test -Dsimulation="com.returnit.load.$simulation" -Dprofile="$profile" \
		-Dgatling.failOnError=false -Dbase="$BASE" -Djdbc="$JDBC_URL" -DadminEmail="$RETURNIT_ADMIN_EMAIL" \
		-DadminPassword="$RETURNIT_ADMIN_PASSWORD" "$@" 2>&1 | grep --line-buffered -v '^WARNING: .*\(Unsafe\|HiddenClassDefiner\|terminally\)'
}
