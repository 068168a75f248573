#!/usr/bin/env bash
# libFuzzer targets for the readers (Fuzz/targets/*.swift), each run for FUZZ_SECONDS (default 60)
# from the committed corpus in Fuzz/corpus/<target>/ (new finds go to a scratch copy, not the repo).
#
#   scripts/fuzz.sh                 # every target, 60 s each
#   FUZZ_SECONDS=10 scripts/fuzz.sh csv json
#
# The libraries are built once by SwiftPM with -sanitize=fuzzer,address into .build-fuzz (their
# code is instrumented for coverage), and each target is linked against their object files with
# `swiftc -sanitize=fuzzer,address -parse-as-library`. A crash, a leak or a sanitizer report fails
# the script and leaves the reproducer in .build-fuzz/findings/<target>/.
#
# The folder target writes its input as partnerships.csv into a folder of fixed organisations and
# projects, and checks the fast folder reader (evidence and notes kept) against the general one:
# statistics, validation text and every streamed export, byte for byte.
#
# The xlsx target (Fuzz/targets/xlsx.swift) feeds the bytes to XLSXWorkbook and to the streaming
# edge-list reader (CompactEdgeList.read(workbook:)); its corpus holds tiny
# workbooks written by openpyxl and by our XLSXWriter, and broken zips. ZIPFoundation's objects are
# linked with the others.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=(csv yaml xml json dot xlsx folder)
[ $# -gt 0 ] && TARGETS=("$@")
SCRATCH=.build-fuzz
SAN=(-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)

echo "== fuzz: building the libraries with -sanitize=fuzzer,address ($SCRATCH)"
swift build --scratch-path "$SCRATCH" --target RenkeiIO "${SAN[@]}" 2>&1 | tail -3
BIN=$(swift build --scratch-path "$SCRATCH" --show-bin-path)
OBJECTS=()
for module in RenkeiCore RenkeiIO Yams CYaml ZIPFoundation; do
  [ -d "$BIN/$module.build" ] || continue
  while IFS= read -r o; do OBJECTS+=("$o"); done < <(find "$BIN/$module.build" -name '*.o')
done

status=0
for t in "${TARGETS[@]}"; do
  src=Fuzz/targets/$t.swift
  [ -f "$src" ] || { echo "fuzz: no target $src" >&2; exit 1; }
  exe=$SCRATCH/fuzz-$t
  rm -f "$exe"
  swiftc -sanitize=fuzzer,address -parse-as-library -g -I "$BIN/Modules" -I "$SCRATCH/checkouts/Yams/Sources/CYaml/include" -I "$SCRATCH/checkouts/ZIPFoundation/Sources/CZLib" -lz \
    -module-name "Fuzz_$t" "$src" "${OBJECTS[@]}" -o "$exe" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  [ -x "$exe" ] || { echo "fuzz: could not build $exe" >&2; exit 1; }
  corpus=$SCRATCH/corpus/$t findings=$SCRATCH/findings/$t
  rm -rf "$corpus"; mkdir -p "$corpus" "$findings"
  cp Fuzz/corpus/$t/* "$corpus/" 2>/dev/null || true
  dict=(); [ -f Fuzz/dict/$t.dict ] && dict=(-dict=Fuzz/dict/$t.dict)
  echo "== fuzz $t: ${SECONDS_EACH}s"
  # FoundationEssentials' FileManager.contents(atPath:) leaks one 4 KiB buffer per call (not our
  # code), so leak detection is off for the targets that read dataset.yaml from a file.
  leaks=1; { [ "$t" = yaml ] || [ "$t" = folder ]; } && leaks=0
  # (Swift's backtracer is off: on a crash it waited for ever beside libFuzzer's handler.)
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$exe" "$corpus" "${dict[@]}" -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 \
        -timeout=10 -artifact_prefix="$findings/" -print_final_stats=1 2> "$SCRATCH/fuzz-$t.log"; then
    tail -40 "$SCRATCH/fuzz-$t.log" >&2
    echo "fuzz $t FAILED: reproducer in $findings/" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$SCRATCH/fuzz-$t.log" | tr '\n' ' '; echo
  fi
done
exit $status
