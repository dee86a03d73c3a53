#!/usr/bin/env bash
# Builds the web app (web/dist, put into the jar by ./mvnw package) or runs its unit tests (`web/build.sh test`).
# Installs its npm packages first when package-lock.json changed since the last install (npm ci). Needs Node 20.19+.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "web/build.sh: node and npm (Node 20.19 or later) are needed to build the web app" >&2; exit 1; }
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.installed-from 2>/dev/null)" != "$lock_sum" ]; then
	echo "web/build.sh: installing the web app's packages (npm ci)..."
	npm ci --no-audit --no-fund --loglevel=error
	echo "$lock_sum" > node_modules/.installed-from
fi
case "${1:-build}" in
	build) npm run --silent build ;;
	test) npm run --silent test ;;
	*) echo "usage: web/build.sh [build|test]" >&2; exit 2 ;;
esac
