#!/usr/bin/env bash
# Smoke test of a built bundle, from an unrelated folder with its own --data-dir: demo dossier,
# Arabic PIP PDF, JSON export, and the window started offscreen up to its first paint.
#   scripts/smoke_bundle.sh [dist/blauwemap]
# The same checks, with the PDF's text read back, run in pytest:
#   BLAUWEMAP_BUNDLE=dist/blauwemap .venv/bin/python -m pytest tests/packaging/test_bundle.py
set -euo pipefail
bundle=$(cd "${1:-$(dirname "$0")/../dist/blauwemap}" 2>/dev/null && pwd) || {
    echo "No bundle at ${1:-dist/blauwemap}: build it with scripts/build_bundle.sh first." >&2
    exit 1
}
exe="$bundle/blauwemap"
[ -x "$exe" ] || { echo "$exe is missing or not executable: build the bundle with scripts/build_bundle.sh." >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
data="$work/data"
export BLAUWEMAP_PASSPHRASE="smoke test passphrase, not a secret"
fail() { echo "FAILED: $*" >&2; exit 1; }

out=$("$exe" --data-dir "$data" demo --json) || fail "demo"
dossier=$(printf '%s' "$out" | grep -o '"dossier": *[0-9]*' | grep -o '[0-9]*$')
[ -n "$dossier" ] || fail "demo printed no dossier id: $out"
echo "ok  demo (dossier $dossier)"

"$exe" --data-dir "$data" list --json | grep -q "\"dossier\": *$dossier" || fail "list --json"
echo "ok  list --json"

"$exe" --data-dir "$data" export --dossier "$dossier" --format pip-pdf --lang ar --out pip-ar.pdf 2>/dev/null \
    || fail "Arabic pip-pdf export"
[ "$(head -c 5 pip-ar.pdf)" = "%PDF-" ] || fail "pip-ar.pdf is not a PDF"
echo "ok  pip-pdf --lang ar ($(wc -c <pip-ar.pdf) bytes)"

"$exe" --data-dir "$data" export --dossier "$dossier" --format json --out klantprofiel.json 2>/dev/null \
    || fail "JSON export"
grep -q '"formaat"' klantprofiel.json || fail "klantprofiel.json is not a klantprofiel"
"$exe" --data-dir "$data" import klantprofiel.json </dev/null >/dev/null || fail "the export does not pass the bundle's own import check"
echo "ok  json export ($(wc -c <klantprofiel.json) bytes), checked against the schema by import"

printf '{"mode": "participant", "language": "ar"}' >"$data/settings.json"
painted=$(QT_QPA_PLATFORM=offscreen BLAUWEMAP_BENCH_EXIT_AFTER_PAINT=1 timeout 120 "$exe" --data-dir "$data") \
    || fail "the window did not start"
printf '%s\n' "$painted" | grep -q '^PAINTED ' || fail "the window never painted"
echo "ok  window painted offscreen"

if [ -n "$(find "$bundle" -newer "$work" -print -quit)" ]; then
    fail "the bundle wrote into its own folder: $(find "$bundle" -newer "$work" | head -3)"
fi
echo "Bundle smoke test passed: $bundle"
