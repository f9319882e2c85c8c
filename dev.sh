#!/usr/bin/env bash
# Developer entry point.  Quick start:
#   ./dev.sh run     set up (first time) and start vidstudio on its local renderer
#   ./dev.sh test    set up (first time, including test services) and run every test
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
    *)
        echo "usage: ./dev.sh run|test [args]" >&2
        exit 2
        ;;
esac
