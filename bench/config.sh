#!/usr/bin/env bash
# Loading benchmark (issue 3): `berth config -q` on a generated 1,000-service file, as a whole
# process, median of 5 runs after a warm-up; beside it the same for `berth version`, the floor
# of starting the JVM and the CLI. Usage: bench/config.sh [SERVICES]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "services:"
  for i in $(seq 1 "$n"); do
    cat <<YAML
  s$i:
    image: busybox:stable
    command: ["sh", "-c", "echo \$\${HOME}; sleep 1"]
    environment: {INDEX: "$i", MODE: "\${MODE:-fast}"}
    ports: ["127.0.0.1::$((8000 + i % 1000))"]
    labels: [team=core, index=$i]
$( [ "$i" -gt 1 ] && echo "    depends_on: [s$((i - 1))]" )
YAML
  done
} > "$work/compose.yaml"
"$root/bin/berth" version >/dev/null  # builds the jar if needed

median() {
  local label=$1; shift
  local times=()
  "$@" >/dev/null 2>&1  # warm-up
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "$label: median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) ms (runs: $sorted)"
}
cd "$work"
"$root/bin/berth" config -q || { echo "config -q failed on the generated file" >&2; exit 1; }
median "berth config -q ($n services)" "$root/bin/berth" config -q
median "berth version (JVM and CLI start floor)" "$root/bin/berth" version
