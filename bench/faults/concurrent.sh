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
errors=()
summary=()
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

echo "| tool | trial | exit codes | containers (per service; expected app=1 db=1 web=2) | replicas with more than one container | networks <project>_default |"
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
      --format '{{.Label "com.docker.compose.service"}} {{.Label "com.docker.compose.container-number"}}')
    containers=$(echo "$replicas" | awk 'NF {n++} END {print n + 0}')
    per_service=$(echo "$replicas" | awk 'NF {c[$1]++} END {for (s in c) printf "%s=%d\n", s, c[s]}' | sort | tr '\n' ' ')
    duplicated=$(echo "$replicas" | sort | uniq -c | awk '$1 > 1 {printf "%s%s-%s×%d", sep, $2, $3, $1; sep = ", "}')
    networks=$(docker network ls --filter "name=^${p}_default$" -q | wc -l)
    [ "${codes[*]}" = "0 0 0" ] && all_ok=$((all_ok + 1))
    [ -z "$duplicated" ] && [ "$per_service" = "app=1 db=1 web=2 " ] && [ "$networks" -eq 1 ] && clean=$((clean + 1))
    echo "| $tool | $trial | ${codes[*]} | $containers (${per_service% }) | ${duplicated:-none} | $networks |"
    for i in 1 2 3; do
      if [ "${codes[$((i - 1))]}" != 0 ]; then
        errors+=("$tool trial $trial run $i: $(grep -m1 -iE 'error|conflict|exists|failed' "$work/out.$i" | cut -c1-200)")
      fi
    done
    remove_project "$p"
  done
  summary+=("$tool: all three exited 0 in $all_ok of $trials trials; exactly the containers of the file and one network in $clean of $trials")
done
echo
printf '%s\n' "${summary[@]}"
if [ ${#errors[@]} -gt 0 ]; then
  echo
  echo "First error line of each failed run:"
  printf -- '- %s\n' "${errors[@]}"
fi
