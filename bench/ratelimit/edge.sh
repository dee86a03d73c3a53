#!/usr/bin/env bash
# Flood shedding at the edge (ADR 0029), on the cluster of bin/cluster (3 nodes, started here if none runs on
# CLUSTER_PORT, and then stopped again), loopback only, about four minutes plus the cluster's start:
#   bench/ratelimit/edge.sh         # 10 quiet customers at 3 req/s through haproxy; one customer flooding as fast as
#                                   # wrk sends on 64 connections; 20 s alone, 20 s flooded with the edge limit off,
#                                   # 20 s with it on (CLUSTER_EDGE_RATE, default 200 requests/s over 10 s), 20 s alone
#                                   # again
#   QUIET=10 RATE=3 BURST=64 SECONDS_PER_PHASE=20 WARMUP=60 EDGE_RATE=200 bench/ratelimit/edge.sh
#   EDGE_TARPIT=0 bench/ratelimit/edge.sh     # haproxy answers its 429 at once instead of holding it 1 s (its tarpit)
#   BURST_RATE=2500 bench/ratelimit/edge.sh   # the flood paced to the same rate in both flooded phases (wrk as fast as
#                                             # the machine answers sends far more once haproxy answers it)
# The service's own limits stay on (customers 200 a minute; anonymous sign-ups unlimited so that the customers can be
# created). Appends the result to docs/benchmarks.md under "## Flood shedding at the edge".
set -euo pipefail
cd "$(dirname "$0")/../.."
QUIET="${QUIET:-10}"
RATE="${RATE:-3}"
BURST="${BURST:-64}"
BURST_RATE="${BURST_RATE:-0}"
SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-20}"
EDGE_RATE="${EDGE_RATE:-200}"
export CLUSTER_EDGE_TARPIT="${EDGE_TARPIT:-1s}"
export CLUSTER_PORT="${CLUSTER_PORT:-18080}" CLUSTER_DIR="${CLUSTER_DIR:-target/cluster}"
BASE="http://127.0.0.1:$CLUSTER_PORT"
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null || { echo "could not install wrk" >&2; exit 1; }
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/returnit-edge-XXXXXX")"
STARTED_HERE=0
cleanup() {
  if [ "$STARTED_HERE" = 1 ]; then bin/cluster stop; else CLUSTER_EDGE_RATE="$EDGE_RATE" bin/cluster balancer >/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
if ! curl -s -o /dev/null -m 2 "$BASE/actuator/health/readiness"; then
  echo "== No cluster on $BASE: starting one"
  CLUSTER_NODE_ARGS="--returnit.security.rate-limits.anonymous=1000000" CLUSTER_EDGE_RATE="$EDGE_RATE" bin/cluster start 3
  STARTED_HERE=1
fi
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Load average $LOAD_START on $(nproc) cores"
timeout $((SECONDS_PER_PHASE * 4 + ${WARMUP:-60} + 300)) "$JAVA_HOME/bin/java" -Dburst.rate="$BURST_RATE" -Dwarmup="${WARMUP:-60}" \
  bench/ratelimit/EdgeFloodBench.java "$BASE" "$CLUSTER_DIR" "$QUIET" "$RATE" "$BURST" "$SECONDS_PER_PHASE" \
  "$WORK/result.md" "CLUSTER_EDGE_RATE=0 bin/cluster balancer" "CLUSTER_EDGE_RATE=$EDGE_RATE bin/cluster balancer"
{
  printf '\nCluster: 3 nodes behind haproxy %s, edge limit %s requests/s over 10 s, refused after %s. Command: `QUIET=%s RATE=%s BURST=%s BURST_RATE=%s SECONDS_PER_PHASE=%s WARMUP=%s EDGE_RATE=%s EDGE_TARPIT=%s bench/ratelimit/edge.sh` (CPU: %s x %s; load average at the start: %s, at the end: %s)\n' \
    "$(haproxy -v | head -1 | awk '{print $3}')" "$EDGE_RATE" "$CLUSTER_EDGE_TARPIT" "$QUIET" "$RATE" "$BURST" "$BURST_RATE" \
    "$SECONDS_PER_PHASE" "${WARMUP:-60}" "$EDGE_RATE" "$CLUSTER_EDGE_TARPIT" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$LOAD_START" "$(cut -d' ' -f1-3 /proc/loadavg)"
} >>"$WORK/result.md"
"$JAVA_HOME/bin/java" bench/lib/AppendResult.java docs/benchmarks.md "$WORK/result.md" "## Flood shedding at the edge" \
  bench/ratelimit/edge-intro.md
echo "appended to docs/benchmarks.md"
