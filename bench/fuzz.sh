#!/usr/bin/env bash
# Loader fuzzing (issue 3): the suite's LoaderFuzzer, run for many more cases. Mutants of every
# file of the shared corpus must load or fail with a positioned ComposeModelException, each within
# a second of CPU. Prints cases/s, the slowest case and every failure, with how to replay it.
# Usage: bench/fuzz.sh [CASES (default 100000)] [SEED (default: the time)]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cases=${1:-100000}
seed=${2:-$(date +%s)}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "fuzz: $cases cases, seed $seed"
status=0
mvn -B -q -pl compose-model test -Dtest=LoaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dberth.fuzz.cases="$cases" -Dberth.fuzz.seed="$seed" >"$out" 2>&1 || status=$?
grep -a "fuzz: [0-9]" "$out" | sed "s/^.*fuzz: /fuzz: /" || { echo "fuzz: no summary; Maven said:" >&2; tail -40 "$out" >&2; exit 1; }
if [ "$status" -ne 0 ]; then
  # The failures, each with its replay line, as the test reported them.
  sed -n '/^fuzz failures/,/^\[ERROR\] Failures:/p' "$out" | grep -av '^\[ERROR\] Failures:' | head -200
  exit "$status"
fi
echo "fuzz: no failure"
