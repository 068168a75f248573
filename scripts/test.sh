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

echo "== NetworkX answers ego and path questions as we do"
python3 Tests/interop/check_questions.py "$RENKEI"

echo "== renkei diff agrees with a set comparison and NetworkX on an altered seed copy"
python3 Tests/interop/check_diff.py "$RENKEI"

echo "== swift test"
# MemoryTests measure the process's RSS, which other suites running in parallel would grow too: they
# run afterwards in a process of their own.
swift test --skip MemoryTests
swift test --skip-build --filter MemoryTests

echo "== the report page in a real browser (chromium + Playwright)"
python3 Tests/browser/check_report.py "$RENKEI" --screenshot "$tmp/report.png"

# Fuzzing and sanitizers (issue 12). Each has its own scratch path so the debug build above is
# not rebuilt; FUZZ_SECONDS (default 60) sets the time per fuzz target.
echo "== fuzz targets (scripts/fuzz.sh, ${FUZZ_SECONDS:-60} s each)"
bash scripts/fuzz.sh

echo "== swift test under AddressSanitizer"
# Leak checking is off: the only leaks LeakSanitizer reports are XCTest's and Foundation.Process's
# (toolchain code, 144 and 32 bytes); memory errors still fail the run.
ASAN_OPTIONS=detect_leaks=0 swift test --sanitize=address --scratch-path .build-asan --filter 'RenkeiIOTests|RenkeiCoreTests'

echo "== swift test under ThreadSanitizer (the parallel betweenness lanes, the worker team, Leiden and label propagation on all cores, the renderer lock, the two-thread XML and CSV parses, the parallel export text and the rows of a file read back made into partnerships on all cores)"
swift test --sanitize=thread --scratch-path .build-tsan --filter 'CentralityTests|DanglingTests|RendererTests|WorkerTeamTests|CommunityTests|XMLSplitTests|ParallelTextTests|rowsReadOnTwoThreads|LargeTableImportTests'
# MemoryTests measures the process's RSS across 1,000 renders: in a process of its own, as above,
# since the suites beside it (the two-thread CSV test allocates tens of MB under ThreadSanitizer)
# grow RSS too.
swift test --sanitize=thread --scratch-path .build-tsan --filter 'MemoryTests'
