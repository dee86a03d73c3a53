#!/usr/bin/env bash
# Runs every test: unit, module and end-to-end tests against embedded PostgreSQL, and the tracking page in a
# real headless Chromium (installed here from Debian if missing, with the browser tests' npm packages), webhook
# signatures checked by the reference Standard Webhooks library (webhook-tests/, npm), the backups with pg_dump 18
# (bin/pg-tools builds it once if the machine has none), the Prometheus alert rules with promtool (Debian's
# prometheus package, installed here if missing), the deployment files with docker-compose (`config` validates
# deploy/compose without a Docker daemon) and kubectl (`kustomize` renders deploy/kubernetes), Debian's packages, and
# the container image built by bin/image, started from its unpacked root (mmdebstrap, umoci), with the CI workflows
# checked against GitHub's schema (deploy/ci-check/, npm).
set -euo pipefail
cd "$(dirname "$0")"
JAVA_HOME="$(bin/jdk25)"; export JAVA_HOME

# promtool (Debian's prometheus package, without the exporters it recommends) checks deploy/prometheus/alerts.yml
if [ ! -x /usr/bin/chromium ] || ! command -v promtool >/dev/null || ! command -v docker-compose >/dev/null \
		|| ! command -v kubectl >/dev/null; then
	echo "test.sh: installing Chromium, promtool, docker-compose and kubectl (Debian packages, once; about a minute)..."
	sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
	log="$(mktemp)"
	if ! { $sudo apt-get update -qq \
			&& { [ -x /usr/bin/chromium ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } \
			&& { command -v promtool >/dev/null \
				|| DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends prometheus; } \
			&& { command -v docker-compose >/dev/null \
				|| DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends docker-compose; } \
			&& { command -v kubectl >/dev/null \
				|| DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends kubernetes-client; }; } >"$log" 2>&1; then
		cat "$log" >&2; echo "test.sh: could not install Chromium, promtool, docker-compose or kubectl" >&2; exit 1
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

# the image tests (ADR 0040): mmdebstrap and umoci build and unpack the image (Debian packages, installed here if missing)
if ! command -v mmdebstrap >/dev/null || ! command -v umoci >/dev/null; then
	echo "test.sh: installing mmdebstrap and umoci (Debian packages, once)..."
	sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
	{ $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		mmdebstrap umoci; } >/dev/null || { echo "test.sh: could not install mmdebstrap or umoci" >&2; exit 1; }
fi

# the workflow schema check of .github/workflows (action-validator, npm)
ci_check_sum="$(sha256sum deploy/ci-check/package-lock.json | cut -d' ' -f1)"
if [ "$(cat deploy/ci-check/node_modules/.installed-from 2>/dev/null)" != "$ci_check_sum" ]; then
	echo "test.sh: installing deploy/ci-check/ packages (npm ci)..."
	npm ci --prefix deploy/ci-check --no-audit --no-fund --loglevel=error
	echo "$ci_check_sum" > deploy/ci-check/node_modules/.installed-from
fi

# pg_dump 18 for the backup tests (built once into ~/.cache/returnit/pg18 when the machine has none)
bin/pg-tools >/dev/null

exec ./mvnw -B verify "$@"
