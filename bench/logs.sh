#!/usr/bin/env bash
# Log benchmarks (issue 6), against the Engine on this machine:
#   1. throughput: `logs` of SERVICES services that each printed LINES lines, as a whole process, by
#      berth, by Debian's docker-compose 1.29 and by the raw `docker logs` of the same containers
#      one after another; lines per second of each, ROUNDS rounds taking turns, medians;
#   2. memory: `berth logs -f` on FOLLOWED containers each printing RATE lines a second, for
#      SECONDS seconds; the resident set size of the berth process every 5 s, and its peak.
#
# Usage: bench/logs.sh [SERVICES=10] [LINES=100000] [ROUNDS=3] [FOLLOWED=50] [RATE=1000] [SECONDS=60]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
services=${1:-10} lines=${2:-100000} rounds=${3:-3} followed=${4:-50} rate=${5:-1000} seconds=${6:-60}
image=busybox:stable
berth=$root/bin/berth

bash "$root/scripts/engine.sh" start
command -v docker-compose >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
docker image inspect "$image" >/dev/null 2>&1 || bash "$root/scripts/busybox-image.sh" "$image"
"$berth" version >/dev/null

work=$(mktemp -d)
project=benchlogs$RANDOM
cleanup() {
  (cd "$work/throughput" 2>/dev/null && "$berth" -p "$project" down -t 0 >/dev/null 2>&1) || true
  (cd "$work/follow" 2>/dev/null && "$berth" -p "${project}f" down -t 0 >/dev/null 2>&1) || true
  rm -rf "$work"
}
trap cleanup EXIT

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# 1. Throughput.
mkdir -p "$work/throughput"
{
  echo "services:"
  for i in $(seq 1 "$services"); do
    printf '  s%d:\n    image: %s\n' "$i" "$image"
    printf '    command: ["sh", "-c", "seq 1 %d | sed '"'"'s/^/line of s%d number /'"'"'; trap '"'"'exit 0'"'"' TERM; sleep 3600 & wait"]\n' "$lines" "$i"
  done
} > "$work/throughput/compose.yaml"
cd "$work/throughput"
"$berth" -p "$project" up -d >/dev/null 2>&1
for i in $(seq 1 "$services"); do
  until [ "$(docker logs --tail 1 "$project-s$i-1" 2>/dev/null | awk '{print $NF}')" = "$lines" ]; do sleep 0.2; done
done
total=$(( services * lines ))
ids=$(docker ps -q --filter "label=com.docker.compose.project=$project")
raw_logs() { for id in $ids; do docker logs "$id"; done; }
printed=$("$berth" -p "$project" logs --no-color | wc -l)
[ "$printed" -eq "$total" ] || { echo "bench: berth logs printed $printed lines, expected $total" >&2; exit 1; }
: > "$work/b"; : > "$work/c"; : > "$work/r"; : > "$work/ratio"
for round in $(seq 1 "$rounds"); do
  b=$(ms "$berth" -p "$project" logs --no-color)
  c=$(ms docker-compose -p "$project" logs --no-color)
  r=$(ms raw_logs)
  echo "$b" >> "$work/b"; echo "$c" >> "$work/c"; echo "$r" >> "$work/r"
  awk -v b="$b" -v c="$c" 'BEGIN {printf "%.2f\n", c / b}' >> "$work/ratio"
  echo "bench: logs round $round: berth ${b} ms, docker-compose ${c} ms, docker logs ${r} ms" >&2
done
per_s() { awk -v n="$total" -v ms="$1" 'BEGIN {printf "%.0f", n / (ms / 1000)}'; }
echo "| logs of $services services × $lines lines | median ms | lines/s |"
echo "|---|---|---|"
echo "| berth logs | $(median < "$work/b") | $(per_s "$(median < "$work/b")") |"
echo "| docker-compose 1.29 logs | $(median < "$work/c") | $(per_s "$(median < "$work/c")") |"
echo "| docker logs, each container in turn | $(median < "$work/r") | $(per_s "$(median < "$work/r")") |"
echo "berth's lines/s over docker-compose's, median of the per-round ratios: $(median < "$work/ratio")×"
"$berth" -p "$project" down -t 0 >/dev/null 2>&1

# 2. Memory of logs -f.
mkdir -p "$work/follow"
{
  echo "services:"
  printf '  chatty:\n    image: %s\n    scale: %d\n' "$image" "$followed"
  printf '    command: ["sh", "-c", "trap '"'"'exit 0'"'"' TERM; while true; do seq 1 %d | sed '"'"'s/^/chatty line /'"'"'; sleep 1; done"]\n' "$rate"
} > "$work/follow/compose.yaml"
cd "$work/follow"
"$berth" -p "${project}f" up -d >/dev/null 2>&1
"$berth" -p "${project}f" logs -f --no-color > "$work/followed.out" 2>&1 &
pid=$!
echo
echo "| seconds | berth logs -f RSS (MB) | lines received |"
echo "|---|---|---|"
peak=0
for t in $(seq 5 5 "$seconds"); do
  sleep 5
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ "$rss" -gt "$peak" ] && peak=$rss
  echo "| $t | $rss | $(wc -l < "$work/followed.out") |"
done
hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo "$peak")
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
echo "peak RSS (VmHWM) of berth logs -f on $followed containers × $rate lines/s for ${seconds}s: ${hwm} MB"
