#!/usr/bin/env bash
# p50/p99 time to choose a driver among 10,000 on shift through the tracking grid and DriverMatching, in-process,
# with a scan of every driver as the reference. Optional arguments: drivers lookups seed. Bounded to 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
echo "Compiling (main and test classes)..."
./mvnw -B -q test-compile
exec timeout 300 "$JAVA_HOME/bin/java" -cp target/classes:target/test-classes \
  com.returnit.dispatch.internal.MatchingBenchmark "$@"
