#!/usr/bin/env bash
# Misbehaving Engine benchmark (issue 13): how long `ps` and `up -d` take to give up, and what they
# print, against a fake Engine (io.berth.testsupport.FakeEngine) that
#   SILENT     accepts connections and never answers,
#   PING_ONLY  answers /_ping only (everything else hangs),
#   GARBAGE    answers 200 with a body that is not JSON,
#   ERROR_500  answers 500 with the Engine's JSON error body to everything,
# on a Unix socket and on 127.0.0.1, by bin/berth and by Debian's docker-compose 1.29 for comparison.
# Only a Unix socket in a temporary directory and 127.0.0.1 are used; the real Engine is not touched.
#
# Usage: bench/faults/engine.sh [LIMIT=420]
#   LIMIT: seconds after which a run that has not given up is killed and reported as hanging.
#   COMPOSE_HTTP_TIMEOUT in the environment is passed to both tools.
# Prints one Markdown table row per run: mode, transport, tool, command, exit code, seconds, line.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
limit=${1:-420}
berth=$root/bin/berth

command -v docker-compose >/dev/null 2>&1 \
  || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
classes=$root/test-support/target/classes
if [ ! -f "$classes/io/berth/testsupport/FakeEngine.class" ] \
    || [ -n "$(find "$root/test-support/src/main" -newer "$classes/io/berth/testsupport/FakeEngine.class" -print -quit)" ]; then
  mvn -q -B -ntp -f "$root/pom.xml" -pl test-support compile >&2
fi
"$berth" version >/dev/null   # builds bin/berth and its class archive outside the timings

work=$(mktemp -d)
fake=
cleanup() {
  if [ -n "$fake" ]; then kill "$fake" 2>/dev/null || true; wait "$fake" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/compose.yaml" <<'EOF'
services:
  web:
    image: busybox:stable
    command: ["sleep", "60"]
EOF

# Starts the fake in MODE on TRANSPORT (unix|tcp); sets $fake (its pid) and $host.
start_fake() {
  local mode=$1 transport=$2 where
  rm -f "$work/engine.sock" "$work/host"
  where=tcp
  [ "$transport" = unix ] && where=unix://$work/engine.sock
  java -cp "$classes" io.berth.testsupport.FakeEngine "$mode" "$where" >"$work/host" &
  fake=$!
  for _ in $(seq 1 100); do [ -s "$work/host" ] && break; sleep 0.1; done
  host=$(head -1 "$work/host")
}

stop_fake() {
  kill "$fake" 2>/dev/null || true
  wait "$fake" 2>/dev/null || true
  fake=
}

# Runs the tool's SUBCOMMAND... against $host; prints a table row.
run() {
  local mode=$1 transport=$2 tool=$3; shift 3
  local exe=$berth
  [ "$tool" = docker-compose ] && exe=docker-compose
  local s e rc line
  s=$(date +%s%N)
  set +e
  (cd "$work" && DOCKER_HOST=$host COMPOSE_PROJECT_NAME=faultsbench timeout -s KILL "$limit" "$exe" "$@" >"$work/out" 2>&1)
  rc=$?
  set -e
  e=$(date +%s%N)
  if [ "$rc" = 137 ]; then
    line="(still waiting after ${limit} s: killed)"
  else
    # The one line it printed; of more than one, how many and the last (a traceback's error).
    local count
    count=$(awk 'NF' "$work/out" | wc -l)
    line=$(awk 'NF' "$work/out" | tail -1 | sed 's/|/\\|/g' | cut -c1-300)
    [ "$count" -gt 1 ] && line="($count lines) ... $line"
  fi
  printf '| %s | %s | %s | %s | %s | %d.%01d | %s |\n' "$mode" "$transport" "$tool" "$*" "$rc" \
    $(( (e - s) / 1000000000 )) $(( (e - s) / 100000000 % 10 )) "$line"
}

echo "COMPOSE_HTTP_TIMEOUT=${COMPOSE_HTTP_TIMEOUT:-(unset)}; berth version floor: $(
  s=$(date +%s%N); "$berth" version >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))) ms; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| mode | transport | tool | command | exit | seconds | printed |"
echo "|---|---|---|---|---|---|---|"
for mode in SILENT PING_ONLY GARBAGE ERROR_500; do
  for transport in unix tcp; do
    start_fake "$mode" "$transport"
    for tool in berth docker-compose; do
      run "$mode" "$transport" "$tool" ps
      run "$mode" "$transport" "$tool" up -d
    done
    stop_fake
  done
done
