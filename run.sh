#!/usr/bin/env bash
# Starts ReturnIt on http://localhost:8080 with demo data, embedded PostgreSQL and data kept in ./data.
# Extra arguments go to the application, e.g. ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
./mvnw -B -q -DskipTests package
# the demo books pickup slots up to two days ahead; dispatch them at once so that drivers move from the first
# minute (a real deployment offers an order 45 minutes before its window); an environment value or argument wins
export RETURNIT_DISPATCH_LEADTIME="${RETURNIT_DISPATCH_LEADTIME:-48h}"
exec "$JAVA_HOME/bin/java" -jar target/returnit.jar --returnit.demo.enabled=true "$@"
