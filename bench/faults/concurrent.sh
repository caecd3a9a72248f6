#!/usr/bin/env bash
# Fault bench (issue 13, item 4): three `up -d` of one project started at once, TRIALS times, for
# bin/berth and Debian's docker-compose 1.29. Each trial starts from nothing (a fresh project
# name) and reports the three exit codes, the containers made per replica (service and
# container-number labels: more than one is a duplicate) and the networks named <project>_default.
# Everything a trial made is removed after it, by its project label and names.
#
# Usage: bench/faults/concurrent.sh [TRIALS] [TOOL...]   (default 10 trials; tools: berth docker-compose)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
trials=${1:-10}
shift || true
tools=("$@")
[ ${#tools[@]} -gt 0 ] || tools=(berth docker-compose)
image=busybox:stable

bash "$root/scripts/engine.sh" start
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "bench: installing Debian's docker-compose" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
docker image inspect "$image" >/dev/null 2>&1 || bash "$root/scripts/busybox-image.sh" "$image"
"$root/bin/berth" version >/dev/null

work=$(mktemp -d)
projects=()
remove_project() { # project: everything a trial of it made
  local p=$1
  docker ps -aq --filter "label=com.docker.compose.project=$p" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker network ls -q --filter "name=^${p}_" | xargs -r docker network rm >/dev/null 2>&1 || true
  docker volume ls -q --filter "label=com.docker.compose.project=$p" | xargs -r docker volume rm >/dev/null 2>&1 || true
  docker volume rm "berth.lock.$p" >/dev/null 2>&1 || true
}
cleanup() {
  for p in "${projects[@]}"; do remove_project "$p"; done
}
trap 'cleanup; rm -rf "$work"' EXIT

# web has two replicas; app depends on db; db has a named volume.
sleeper='["sh", "-c", "trap '"'"'exit 0'"'"' TERM; sleep 3600 & wait"]'
cat > "$work/compose.yaml" <<YAML
services:
  web:
    image: $image
    command: $sleeper
    scale: 2
  db:
    image: $image
    command: $sleeper
    volumes: [data:/data]
  app:
    image: $image
    command: $sleeper
    depends_on: [db]
volumes:
  data: {}
YAML

run_tool() { # tool project -> runs `up -d` in $work
  case "$1" in
    berth) (cd "$work" && "$root/bin/berth" -p "$2" up -d) ;;
    docker-compose) (cd "$work" && docker-compose -p "$2" up -d) ;;
  esac
}

echo "| tool | trial | exit codes | containers | replicas with more than one container | networks <project>_default |"
echo "|---|---|---|---|---|---|"
for tool in "${tools[@]}"; do
  all_ok=0
  clean=0
  for trial in $(seq 1 "$trials"); do
    p="faults-conc-${tool//-/}-$$-$trial"
    projects+=("$p")
    pids=()
    for i in 1 2 3; do
      run_tool "$tool" "$p" >"$work/out.$i" 2>&1 &
      pids+=($!)
    done
    codes=()
    for pid in "${pids[@]}"; do
      if wait "$pid"; then codes+=(0); else codes+=($?); fi
    done
    replicas=$(docker ps -a --filter "label=com.docker.compose.project=$p" \
      --format '{{.Label "com.docker.compose.service"}}-{{.Label "com.docker.compose.container-number"}}' | sort | uniq -c)
    containers=$(echo "$replicas" | awk 'NF {n += $1} END {print n + 0}')
    duplicated=$(echo "$replicas" | awk '$1 > 1 {printf "%s%s×%d", sep, $2, $1; sep = ", "}')
    networks=$(docker network ls --filter "name=^${p}_default$" -q | wc -l)
    [ "${codes[*]}" = "0 0 0" ] && all_ok=$((all_ok + 1))
    [ -z "$duplicated" ] && [ "$containers" -eq 4 ] && [ "$networks" -eq 1 ] && clean=$((clean + 1))
    echo "| $tool | $trial | ${codes[*]} | $containers | ${duplicated:-none} | $networks |"
    remove_project "$p"
  done
  summary+=("$tool: all three exited 0 in $all_ok of $trials trials; exactly one container per replica and one network in $clean of $trials")
done
echo
printf '%s\n' "${summary[@]}"
