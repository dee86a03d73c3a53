#!/usr/bin/env bash
# Runs every test: unit, module and end-to-end tests against embedded PostgreSQL, and the tracking page in a
# real headless Chromium (installed here from Debian if missing, with the browser tests' npm packages), and
# webhook signatures checked by the reference Standard Webhooks library (webhook-tests/, npm).
set -euo pipefail
cd "$(dirname "$0")"
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME

if [ ! -x /usr/bin/chromium ]; then
	echo "test.sh: installing Chromium (Debian package, once; about a minute)..."
	sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
	log="$(mktemp)"
	if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >"$log" 2>&1; then
		cat "$log" >&2; echo "test.sh: could not install Chromium" >&2; exit 1
	fi
	rm -f "$log"
fi

command -v npm >/dev/null || { echo "test.sh: node and npm (Node 20 or later) are needed for browser-tests/" >&2; exit 1; }
lock_sum="$(sha256sum browser-tests/package-lock.json | cut -d' ' -f1)"
if [ "$(cat browser-tests/node_modules/.installed-from 2>/dev/null)" != "$lock_sum" ]; then
	echo "test.sh: installing browser-tests/ packages (npm ci)..."
	npm ci --prefix browser-tests --no-audit --no-fund --loglevel=error
	echo "$lock_sum" > browser-tests/node_modules/.installed-from
fi

webhooks_sum="$(sha256sum webhook-tests/package-lock.json | cut -d' ' -f1)"
if [ "$(cat webhook-tests/node_modules/.installed-from 2>/dev/null)" != "$webhooks_sum" ]; then
	echo "test.sh: installing webhook-tests/ packages (npm ci)..."
	npm ci --prefix webhook-tests --no-audit --no-fund --loglevel=error
	echo "$webhooks_sum" > webhook-tests/node_modules/.installed-from
fi

exec ./mvnw -B verify "$@"
