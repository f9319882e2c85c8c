#!/usr/bin/env bash
# Developer entry point.  Quick start:
#   ./dev.sh run     set up (first time) and start vidstudio on its local renderer
#   ./dev.sh test    set up (first time, including test services) and run every test
#   ./dev.sh test-windows   the Windows lane: the tests, the frozen app and the installer
#                    as Windows programs under Wine (scripts/windows/lane.sh, docs/windows.md)
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}
VENV=.venv

setup_python() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$PY" -m venv "$VENV"
    fi
    # Reinstall only when the dependencies changed.
    local stamp="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
    if [ ! -f "$stamp" ]; then
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -e '.[dev]'
        rm -f "$VENV"/.installed-*
        touch "$stamp"
    fi
}

cmd=${1:-run}
shift || true
case "$cmd" in
    run)
        setup_python
        exec "$VENV/bin/vidstudio" "$@"
        ;;
    test)
        setup_python
        bash scripts/install-test-deps.sh
        set +e
        "$VENV/bin/python" -m pytest "$@"
        status=$?
        set -e
        if [ "$status" -eq 5 ]; then
            echo "dev.sh: pytest collected no tests; that is a failure" >&2
            exit 1
        fi
        exit "$status"
        ;;
    test-windows)
        setup_python  # the lane's Linux-side checks use the project's venv
        exec bash scripts/windows/lane.sh "$@"
        ;;
    *)
        echo "usage: ./dev.sh run|test|test-windows [args]" >&2
        exit 2
        ;;
esac
