#!/usr/bin/env bash
# Replays one synthetic day (fixed seed) through greedy and batched dispatch and writes the results table and chart
# to bench/dispatch-sim/results/. No database; bounded to 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
echo "Compiling (main and test classes)..."
./mvnw -B -q test-compile
exec timeout 600 "$JAVA_HOME/bin/java" -cp target/classes:target/test-classes \
  com.returnit.dispatch.internal.DispatchSimulation bench/dispatch-sim/results
