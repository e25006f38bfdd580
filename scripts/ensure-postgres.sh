#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the relay's store tests and prints its URL on stdout (one line);
# progress goes to stderr. Idempotent: a second run finds everything in place and only prints the URL.
#   export TEST_DATABASE_URL="$(scripts/ensure-postgres.sh)"
# As root it uses Debian's cluster (installing the `postgresql` package when missing); as another user
# it runs a private cluster under $SEALPASS_PG_DIR (default /tmp/sealpass-pg-$USER) on port 54329.
set -euo pipefail

ROLE=sealpass_test
PASSWORD=sealpass_test
DATABASE=sealpass_test
log() { echo "ensure-postgres: $*" >&2; }

latest_version() { ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(latest_version)" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed; as root run: apt-get update && apt-get install -y postgresql"
    exit 1
  fi
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
fi
VERSION="$(latest_version)"
BIN="/usr/lib/postgresql/$VERSION/bin"

if [ "$(id -u)" -eq 0 ]; then
  if ! pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
    log "creating cluster $VERSION/main"
    pg_createcluster "$VERSION" main >&2
  fi
  if ! pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    log "starting cluster $VERSION/main"
    pg_ctlcluster "$VERSION" main start >&2
  fi
  PORT="$(pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $3 }')"
  as_superuser() { runuser -u postgres -- psql --no-psqlrc -q -v ON_ERROR_STOP=1 -p "$PORT" "$@"; }
else
  DIR="${SEALPASS_PG_DIR:-/tmp/sealpass-pg-$(id -un)}"
  PORT=54329
  if [ ! -f "$DIR/PG_VERSION" ]; then
    log "initialising a private cluster in $DIR"
    mkdir -p "$DIR"
    "$BIN/initdb" -D "$DIR" -A trust -U "$(id -un)" >&2
  fi
  if ! "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
    log "starting the private cluster on port $PORT"
    "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start >&2
  fi
  as_superuser() { psql --no-psqlrc -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -d postgres "$@"; }
fi

if [ "$(as_superuser -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  log "creating role $ROLE"
  as_superuser -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
fi
if [ "$(as_superuser -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
  log "creating database $DATABASE"
  as_superuser -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
