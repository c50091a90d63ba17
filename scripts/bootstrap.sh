#!/usr/bin/env bash
# Shared set-up for ./run and ./check: a project-local virtual environment (.venv) that is
# (re)installed whenever pyproject.toml changes, the system libraries Qt needs (installed with
# apt-get when we are root and they are missing), and the compiled translation catalogues.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "Blauwe Map needs Python 3.11 or newer ($PYTHON not found)." >&2
    exit 1
fi
"$PYTHON" - <<'PY' || { echo "Blauwe Map needs Python 3.11 or newer." >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY

# Qt's xcb/offscreen plugins load these shared libraries at run time.
need_apt=()
for pair in libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0 \
            libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3 \
            libglib-2.0.so.0:libglib2.0-0 libxkbcommon-x11.so.0:libxkbcommon-x11-0; do
    lib=${pair%%:*}; pkg=${pair##*:}
    ldconfig -p 2>/dev/null | grep -q "$lib" || need_apt+=("$pkg")
done
# Tools the tests call: pdftoppm renders PDFs to PNG to look at the Arabic/Ethiopic glyphs.
for pair in pdftoppm:poppler-utils; do
    tool=${pair%%:*}; pkg=${pair##*:}
    command -v "$tool" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing system packages for Qt and the tests: ${need_apt[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
        echo "Qt may need these system packages: ${need_apt[*]} (install them with your package manager)" >&2
    fi
fi

if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtual environment in .venv …"
    "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$("$PYTHON" -c 'import hashlib,sys;print(hashlib.sha1(open("pyproject.toml","rb").read()).hexdigest()[:12])')"
if [ ! -f "$stamp" ]; then
    echo "Installing Blauwe Map and its dependencies into .venv …"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
    rm -f .venv/.installed-*
    touch "$stamp"
fi

# Compile the gettext catalogues (.po -> .mo); compiled files are never committed.
.venv/bin/python -m core.i18n_build >/dev/null
