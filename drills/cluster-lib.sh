# Shared by the cluster drills: JDK, the Totp helper and the PostgreSQL driver on a class path, and a running cluster
# (bin/cluster; started here when it is not running, and then stopped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
export RETURNIT_ADMIN_TOTP_SECRET="${RETURNIT_ADMIN_TOTP_SECRET:-JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}"
ADMIN_EMAIL="${RETURNIT_ADMIN_EMAIL:-admin@cluster.returnit.local}"
ADMIN_PASSWORD="${RETURNIT_ADMIN_PASSWORD:-cluster-admin-password-1}"
CLUSTER_PORT="${CLUSTER_PORT:-18080}"
BASE="http://127.0.0.1:$CLUSTER_PORT"
SCRAPE_TOKEN="${RETURNIT_SCRAPE_TOKEN:-cluster-scrape-token}"
JDBC="jdbc:postgresql://127.0.0.1:$((CLUSTER_PORT + 352))/returnit"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-cluster-drill.XXXXXX")"
"$JAVA_HOME/bin/javac" -d "$WORK" bench/lib/shared/returnit/bench/Totp.java
[ -f target/returnit.jar ] || ./mvnw -B -q -DskipTests package
pg_jar="$(unzip -Z1 target/returnit.jar 'BOOT-INF/lib/postgresql-*.jar' | head -1)"
unzip -q -j -o target/returnit.jar "$pg_jar" -d "$WORK"
CLASSPATH="$WORK:$WORK/$(basename "$pg_jar")"

STARTED_HERE=0
if ! curl -s -o /dev/null -m 2 "$BASE/actuator/health/readiness"; then
	echo "== No cluster on $BASE: starting one"
	# one address sends all the load: the drills test failures, not the per-caller limits (tested in the suite)
	CLUSTER_NODE_ARGS="${CLUSTER_NODE_ARGS:---returnit.security.rate-limits.enabled=false}" bin/cluster start "${NODES:-3}"
	STARTED_HERE=1
fi
# each node directly (not through haproxy), for the drills that read every node's metrics
NODE_URLS="$(for k in $(seq 1 "$(cat "${CLUSTER_DIR:-target/cluster}/nodes")"); do
	printf 'http://127.0.0.1:%s,' $((CLUSTER_PORT + k)); done)"
read -r LOAD1 _ < /proc/loadavg
echo "== Load average $LOAD1 on $(nproc) cores"
bin/cluster status

drill_cleanup() {
	local status=$?
	[ "$STARTED_HERE" = 1 ] && bin/cluster stop
	rm -rf "$WORK"
	exit "$status"
}
trap drill_cleanup EXIT
trap 'exit 130' INT TERM
