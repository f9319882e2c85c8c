#!/usr/bin/env bash
# System packages the test suite needs on a fresh Debian machine (idempotent).
set -euo pipefail
need=()
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb xauth)
fc-list 2>/dev/null | grep -q . || need+=(fontconfig)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    else
        echo "install-test-deps: please install: ${need[*]}" >&2
    fi
fi
