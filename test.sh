#!/usr/bin/env bash
# Runs every test: unit, module and end-to-end tests against embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME
exec ./mvnw -B verify "$@"
