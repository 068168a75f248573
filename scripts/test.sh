#!/usr/bin/env bash
# The whole test suite: dataset consistency, CLI checks, the peers reading our exports, swift test,
# then the report page in a real browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-peers
swift build --product renkei
RENKEI=.build/debug/renkei
DATA=data/kodoku-koritsu-model-jigyo

echo "== seed dataset is built from its case files"
python3 "$DATA/tools/build_dataset.py" --check
"$RENKEI" validate "$DATA"

echo "== committed DOT diagrams match what the CLI produces"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$RENKEI" render "$DATA" --all --format dot --out "$tmp"
diff -r -q --exclude='*.svg' --exclude='*.png' --exclude='*.pdf' "$tmp" graphs/ \
  || { echo "graphs/ is out of date: run scripts/run.sh and commit graphs/" >&2; exit 1; }

echo "== NetworkX and igraph read our exports"
python3 Tests/interop/check_exports.py "$RENKEI"

echo "== swift test"
swift test

echo "== the report page in a real browser (chromium + Playwright)"
python3 Tests/browser/check_report.py "$RENKEI" --screenshot "$tmp/report.png"
