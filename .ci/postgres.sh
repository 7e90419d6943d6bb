#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 and prints its URL.
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
# usage: .ci/postgres.sh [DIR] [PORT]
set -euo pipefail
dir=${1:-/tmp/lodestone-pg}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if ! "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  rm -rf "$dir"
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  su postgres -s /bin/sh -c "$bin/initdb -D $dir -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -s /bin/sh -c "$bin/pg_ctl -D $dir -l $dir/server.log -w -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off' start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
