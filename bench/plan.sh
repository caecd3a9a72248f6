#!/usr/bin/env bash
# Planning benchmark (issue 4): 1,000 services, random DAG, half-matching observed state.
# Prints the median of the measured runs after warm-up. Usage: bench/plan.sh [SERVICES] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mvn -q -B -DskipTests install -pl planner -am >/dev/null
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -q -B -pl planner dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
mvn -q -B -pl planner test-compile >/dev/null
java -cp "planner/target/test-classes:planner/target/classes:$(cat "$cp")" io.berth.planner.PlanBenchmark "${1:-1000}" "${2:-30}"
