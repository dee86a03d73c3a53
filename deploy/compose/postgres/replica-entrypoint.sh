#!/bin/bash
# The streaming replica: on its first start a pg_basebackup -R of the primary (as bin/cluster's start_replica), then
# PostgreSQL as a hot standby. The official image's entrypoint would initdb an empty primary instead.
set -euo pipefail
export PGDATA=/var/lib/postgresql/18/docker
if [ ! -s "$PGDATA/PG_VERSION" ]; then
	mkdir -p "$PGDATA" && chown -R postgres:postgres /var/lib/postgresql && chmod 700 "$PGDATA"
	until PGPASSWORD="$(cat /run/secrets/postgres_password)" gosu postgres \
		pg_basebackup -h postgres -U returnit -D "$PGDATA" -R -X stream -c fast; do
		echo "replica: waiting for the primary"; sleep 2
	done
fi
exec gosu postgres postgres -c hot_standby=on
