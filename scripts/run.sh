#!/usr/bin/env bash
# The main job: set up, build, then validate, summarise and draw the bundled seed dataset, and
# write its report page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product renkei
RENKEI=.build/release/renkei
DATA=data/kodoku-koritsu-model-jigyo
"$RENKEI" validate "$DATA"
"$RENKEI" stats "$DATA"
"$RENKEI" partners "$DATA" --by kind
"$RENKEI" centrality "$DATA" --measure betweenness --top 10
"$RENKEI" render "$DATA" --all --out graphs/
echo "diagrams written to graphs/"
"$RENKEI" report "$DATA" --out report/
echo "report written to report/index.html (open it in a browser: file://$PWD/report/index.html)"
