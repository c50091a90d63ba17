#!/usr/bin/env bash
# Build the standalone one-folder bundle: dist/blauwemap/ and dist/blauwemap-<version>-linux-x86_64.tar.gz.
# Installs exactly what uv.lock says, with the `bundle` group (PyInstaller), compiles the gettext
# catalogues and runs packaging/blauwemap.spec. See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v uv >/dev/null 2>&1 && [ ! -x .cache/uv-tool/bin/uv ]; then
    echo "uv is missing: run scripts/bootstrap.sh once (it installs uv), or install uv (pip install uv)." >&2
    exit 1
fi
UV=uv
command -v uv >/dev/null 2>&1 || UV=.cache/uv-tool/bin/uv
if [ ! -x .venv/bin/python ]; then
    scripts/bootstrap.sh
fi
export UV_PYTHON_DOWNLOADS=never  # the venv's Python, never a downloaded one
if ! "$UV" sync --locked --quiet --group dev --group bundle; then
    echo "Could not install the bundle tools from uv.lock: if the lock no longer matches pyproject.toml run \`uv lock\` and commit it; otherwise check your network." >&2
    exit 1
fi
if [ ! -x .venv/bin/pyinstaller ]; then
    echo "PyInstaller is missing from .venv: add it to the \`bundle\` group in pyproject.toml, run \`uv lock\` and run this again." >&2
    exit 1
fi
if ! command -v tar >/dev/null 2>&1 || ! command -v gzip >/dev/null 2>&1; then
    echo "tar and gzip are needed to pack the bundle: install them with your package manager." >&2
    exit 1
fi

.venv/bin/python -m core.i18n_build
version=$(.venv/bin/python -c 'import core; print(core.__version__)')
arch=$(uname -m)
system=$(uname -s | tr '[:upper:]' '[:lower:]')

started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/blauwemap.spec
tarball="dist/blauwemap-${version}-${system}-${arch}.tar.gz"
tar -C dist -czf "$tarball" blauwemap
elapsed=$(( $(date +%s) - started ))

echo "Built dist/blauwemap/ ($(du -sh dist/blauwemap | cut -f1) unpacked) and $tarball ($(du -sh "$tarball" | cut -f1)) in ${elapsed} s."
echo "Check it with: scripts/smoke_bundle.sh dist/blauwemap"
