#!/bin/bash
# First start of the primary only (docker-entrypoint-initdb.d): the replica may stream WAL as the returnit user
set -euo pipefail
echo "host replication returnit all scram-sha-256" >> "$PGDATA/pg_hba.conf"
