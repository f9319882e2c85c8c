#!/usr/bin/env bash
# System packages and services the test suite needs on a fresh Debian machine.
# Each part of the suite keeps its own idempotent script in scripts/test-deps/.
set -euo pipefail
cd "$(dirname "$0")/.."
for part in scripts/test-deps/*.sh; do
    [ -e "$part" ] || continue
    bash "$part"
done
