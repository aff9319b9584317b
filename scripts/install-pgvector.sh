#!/usr/bin/env bash
# Builds pgvector 0.8 from Debian's trixie source package for the local PostgreSQL 15 and creates the
# extensions in template1, so every database (test databases, Prisma shadow databases) has them.
# Debian bookworm only packages pgvector 0.4; HNSW iterative scans need 0.8.
# The mirror URI is read from the machine's own apt source file: no host name is written here.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PG_MAJOR=${PG_MAJOR:-15}
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config

ext_dir=$($PG_CONFIG --sharedir 2>/dev/null)/extension || true
if [ -f "$ext_dir/vector.control" ] && grep -q "default_version = '0.8" "$ext_dir/vector.control"; then
  echo "pgvector 0.8 already installed"
else
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  if [ -z "$uri" ]; then uri=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true); fi
  [ -n "$uri" ] || { echo "no Debian mirror URI found in the apt sources" >&2; exit 1; }
  src=/etc/apt/sources.list.d/kefu-trixie-src.sources
  cat > "$src" <<SOURCES
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  trap 'rm -f "$src"; apt-get update -qq || true' EXIT
  before=$(dpkg-query -W -f='${Version}' postgresql-$PG_MAJOR 2>/dev/null || true)
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql-server-dev-$PG_MAJOR build-essential dpkg-dev >/dev/null
  after=$(dpkg-query -W -f='${Version}' postgresql-$PG_MAJOR 2>/dev/null || true)
  work=$(mktemp -d)
  (cd "$work" && apt-get source --download-only pgvector >/dev/null 2>&1 && tar xzf pgvector_*.orig.tar.gz)
  dir=$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -1)
  make -C "$dir" -j"$(nproc)" OPTFLAGS="" PG_CONFIG=$PG_CONFIG >/dev/null
  make -C "$dir" install OPTFLAGS="" PG_CONFIG=$PG_CONFIG >/dev/null
  rm -rf "$work"
  # The server-dev package can upgrade the server package; the running cluster must load the new binaries.
  if [ "$before" != "$after" ]; then
    echo "postgresql-$PG_MAJOR upgraded ($before -> $after): restarting the cluster"
    pg_ctlcluster --skip-systemctl-redirect $PG_MAJOR main restart || pg_ctlcluster $PG_MAJOR main restart
  fi
fi

# Start the cluster if it is down (it normally runs already).
pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect $PG_MAJOR main start
for i in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
psql -h 127.0.0.1 -U postgres -d template1 -v ON_ERROR_STOP=1 -q \
  -c 'CREATE EXTENSION IF NOT EXISTS vector' -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'
echo "pgvector $(psql -h 127.0.0.1 -U postgres -d template1 -tAc "select extversion from pg_extension where extname='vector'") ready in template1"
