#!/usr/bin/env bash
# Shared set-up for ./run and ./check: a project-local virtual environment (.venv) holding exactly
# what uv.lock says (uv sync --locked), the system libraries Qt needs (installed with apt-get when
# we are root and they are missing), and the compiled translation catalogues of the source tree.
# Upgrading a dependency is a deliberate `uv lock --upgrade[-package NAME]` and a commit of uv.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "Blauwe Map needs Python 3.11 or newer ($PYTHON not found): install it, or set PYTHON=/path/to/python3." >&2
    exit 1
fi
"$PYTHON" - <<'PY' || { echo "Blauwe Map needs Python 3.11 or newer ($("$PYTHON" --version 2>&1) found): install it, or set PYTHON=/path/to/python3." >&2; exit 1; }
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
# Tools the tests call: pdftoppm renders PDFs to PNG to look at the Arabic/Ethiopic glyphs;
# desktop-file-validate and appstreamcli check the desktop entry and the AppStream metainfo;
# espeak-ng is the speech engine the app reads the map aloud with (gui/read_aloud.py).
for pair in pdftoppm:poppler-utils desktop-file-validate:desktop-file-utils appstreamcli:appstream \
            espeak-ng:espeak-ng; do
    tool=${pair%%:*}; pkg=${pair##*:}
    command -v "$tool" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing system packages for Qt and the tests: ${need_apt[*]}"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null; }; then
            echo "Could not install ${need_apt[*]} with apt-get: install them with your package manager and run this again." >&2
            exit 1
        fi
    else
        echo "Blauwe Map may need these system packages: ${need_apt[*]} (install them with your package manager)." >&2
    fi
fi

# uv installs exactly what uv.lock says. Use the one on PATH, else one kept in .cache/uv-tool.
if command -v uv >/dev/null 2>&1; then
    UV=(uv)
elif [ -x .cache/uv-tool/bin/uv ]; then
    UV=(.cache/uv-tool/bin/uv)
else
    echo "Installing uv (the installer that reads uv.lock) into .cache/uv-tool …"
    if ! { "$PYTHON" -m venv .cache/uv-tool && .cache/uv-tool/bin/python -m pip install -q --disable-pip-version-check uv; }; then
        rm -rf .cache/uv-tool
        echo "Could not install uv. Install it yourself (pip install uv, or your package manager) and run this again." >&2
        exit 1
    fi
    UV=(.cache/uv-tool/bin/uv)
fi
export UV_PYTHON_DOWNLOADS=never  # use the Python found above, never a downloaded one

if [ ! -f uv.lock ]; then
    echo "uv.lock is missing: run \`uv lock\` and commit uv.lock." >&2
    exit 1
fi
if ! "${UV[@]}" lock --check --quiet --python "$PYTHON" 2>/dev/null; then
    echo "uv.lock no longer matches pyproject.toml: run \`uv lock\` (or \`uv lock --upgrade\` to take newer versions), check the result and commit uv.lock." >&2
    exit 1
fi
"${UV[@]}" sync --locked --quiet --python "$PYTHON" ${BLAUWEMAP_UV_GROUPS:-}

# Compile the source tree's gettext catalogues (.po -> .mo); compiled files are never committed.
# An installed wheel carries its own, compiled when it was built (setup.py).
.venv/bin/python -m core.i18n_build >/dev/null
