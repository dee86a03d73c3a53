#!/usr/bin/env bash
# Writes a random value into each secret file that compose.yaml reads and that does not exist yet (never overwrites).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p secrets && chmod 700 secrets
for name in postgres_password scrape_token admin_password grafana_admin_password; do
	[ -s "secrets/$name" ] || { head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "secrets/$name"; echo "secrets/$name written"; }
done
chmod 644 secrets/*   # read by the containers' own users (postgres, uid 10001, grafana, nobody)
