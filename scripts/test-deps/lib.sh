#!/usr/bin/env bash
# apt_need PKG:COMMAND ... installs each Debian package whose command is missing.
apt_updated=${apt_updated:-0}
apt_need() {
    local missing=()
    for spec in "$@"; do
        local pkg=${spec%%:*} bin=${spec#*:}
        command -v "$bin" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "test-deps: please install: ${missing[*]}" >&2
        return 1
    fi
    if [ "$apt_updated" -eq 0 ]; then
        apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
