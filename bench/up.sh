#!/usr/bin/env bash
# Executor benchmark (issue 5): `up -d` as a whole process, compared in one run against
#   floor           the same containers created and started directly through the Engine API, all
#                   at once (curl on the Engine's socket, one request per container and step)
#   docker-compose  Debian's docker-compose 1.29 on the same file
# Scenarios: 1, 10 and 50 independent services; a chain of 10 (depends_on); 20 services with
# healthchecks (10 healthy dependencies, 10 dependents waiting on service_healthy); a no-change
# `up -d` on 50 running services. The tools take turns in each round (floor, berth, docker-compose),
# so drift of the machine's speed hits them alike; medians and per-round ratios are printed.
#
# Usage: bench/up.sh [ROUNDS] [SCENARIO...]   (default 3 rounds, every scenario)
# Needs root on Debian for the first run (installs docker-compose and busybox-static if missing).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-3}
shift || true
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(indep1 indep10 indep50 chain10 health20 nochange50)
image=busybox:stable
socket=/var/run/docker.sock

bash "$root/scripts/engine.sh" start
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "bench: installing Debian's docker-compose" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
docker image inspect "$image" >/dev/null 2>&1 || bash "$root/scripts/busybox-image.sh" "$image"
"$root/bin/berth" version >/dev/null

work=$(mktemp -d)
trap 'cleanup_all; rm -rf "$work"' EXIT
# The services sleep with a TERM trap so that taking a stack down is quick (it is not timed).
sleeper='["sh", "-c", "trap '"'"'exit 0'"'"' TERM; sleep 3600 & wait"]'

generate() { # scenario -> compose.yaml on stdout
  local scenario=$1
  echo "services:"
  case "$scenario" in
    indep*|nochange*)
      local n=${scenario//[!0-9]/}
      for i in $(seq 1 "$n"); do printf '  s%d:\n    image: %s\n    command: %s\n' "$i" "$image" "$sleeper"; done ;;
    chain*)
      local n=${scenario//[!0-9]/}
      for i in $(seq 1 "$n"); do
        printf '  s%d:\n    image: %s\n    command: %s\n' "$i" "$image" "$sleeper"
        [ "$i" -gt 1 ] && printf '    depends_on: [s%d]\n' $((i - 1))
      done ;;
    health*)
      local half=$(( ${scenario//[!0-9]/} / 2 ))
      for i in $(seq 1 "$half"); do
        printf '  db%d:\n    image: %s\n    command: %s\n' "$i" "$image" "$sleeper"
        printf '    healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 1s, retries: 3}\n'
        printf '  app%d:\n    image: %s\n    command: %s\n' "$i" "$image" "$sleeper"
        printf '    healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 1s, retries: 3}\n'
        printf '    depends_on: {db%d: {condition: service_healthy}}\n' "$i"
      done ;;
  esac
}

api() { # METHOD PATH [JSON]
  if [ $# -ge 3 ]; then
    curl -fsS --unix-socket "$socket" -X "$1" -H 'Content-Type: application/json' -d "$3" "http://localhost$2"
  else
    curl -fsS --unix-socket "$socket" -X "$1" "http://localhost$2"
  fi
}

# The floor: one network, then every container created and started at once; for the health
# scenario the dependents wait until their dependency reports healthy (inspected every 50 ms).
floor_container() { # project name network [healthcheck]
  local project=$1 name=$2 network=$3 health=${4:-}
  local body
  body=$(printf '{"Image":"%s","Cmd":["sh","-c","trap '"'"'exit 0'"'"' TERM; sleep 3600 & wait"],"Labels":{"bench.floor":"%s"},%s"HostConfig":{"NetworkMode":"%s"},"NetworkingConfig":{"EndpointsConfig":{"%s":{"Aliases":["%s"]}}}}' \
    "$image" "$project" "$health" "$network" "$network" "$name")
  local id
  id=$(api POST "/containers/create?name=$project-$name" "$body" | sed 's/.*"Id":"\([0-9a-f]*\)".*/\1/')
  api POST "/containers/$id/start" >/dev/null
  echo "$id"
}
export -f floor_container api
export image socket

floor_up() { # scenario project
  local scenario=$1 project=$2 network=$2_default
  api POST /networks/create "{\"Name\":\"$network\",\"Labels\":{\"bench.floor\":\"$project\"}}" >/dev/null
  case "$scenario" in
    health*)
      local half=$(( ${scenario//[!0-9]/} / 2 )) hc='"Healthcheck":{"Test":["CMD","true"],"Interval":1000000000,"Timeout":1000000000,"Retries":3},'
      seq 1 "$half" | xargs -P "$half" -I{} bash -c '
        floor_container "$0" "db{}" "$1" "$2" > /dev/null
        until curl -fsS --unix-socket "$socket" "http://localhost/containers/$0-db{}/json" | grep -q "\"Status\":\"healthy\""; do sleep 0.05; done
        floor_container "$0" "app{}" "$1" "$2" > /dev/null' "$project" "$network" "$hc" ;;
    *)
      local n=${scenario//[!0-9]/}
      seq 1 "$n" | xargs -P "$n" -I{} bash -c 'floor_container "$0" "s{}" "$1" > /dev/null' "$project" "$network" ;;
  esac
}

cleanup() { # project
  local ids
  ids=$(docker ps -aq --filter "label=com.docker.compose.project=$1"; docker ps -aq --filter "label=bench.floor=$1")
  [ -z "$ids" ] || docker rm -f $ids >/dev/null
  docker network ls -q --filter "name=$1" | xargs -r docker network rm >/dev/null 2>&1 || true
}
cleanup_all() {
  for p in $(docker ps -a --format '{{.Label "com.docker.compose.project"}} {{.Label "bench.floor"}}' | tr ' ' '\n' | grep '^benchup' | sort -u); do
    cleanup "$p"
  done
}

ms_of() { # command... -> wall milliseconds on stdout; the command's output goes to $work/last.log
  local start end
  start=$(date +%s%N)
  "$@" >"$work/last.log" 2>&1 || { echo "bench: failed: $*" >&2; tail -n 20 "$work/last.log" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

printf '%s\n' "| scenario | floor ms | berth ms | docker-compose ms | berth/floor | docker-compose/floor | berth/docker-compose |"
printf '%s\n' "|---|---|---|---|---|---|---|"
for scenario in "${scenarios[@]}"; do
  dir=$work/$scenario
  mkdir -p "$dir"
  generate "$scenario" > "$dir/compose.yaml"
  : > "$work/floor" ; : > "$work/berth" ; : > "$work/compose"
  : > "$work/r_bf" ; : > "$work/r_cf" ; : > "$work/r_bc"
  for round in $(seq 1 "$rounds"); do
    p=benchup$RANDOM$round
    if [[ $scenario == nochange* ]]; then
      (cd "$dir" && "$root/bin/berth" -p "${p}b" up -d >/dev/null 2>&1)
      (cd "$dir" && docker-compose -p "${p}c" up -d >/dev/null 2>&1)
      b=$(cd "$dir" && ms_of "$root/bin/berth" -p "${p}b" up -d)
      c=$(cd "$dir" && ms_of docker-compose -p "${p}c" up -d)
      f=0
      cleanup "${p}b"; cleanup "${p}c"
    else
      f=$(ms_of floor_up "$scenario" "${p}f"); cleanup "${p}f"
      b=$(cd "$dir" && ms_of "$root/bin/berth" -p "${p}b" up -d); cleanup "${p}b"
      c=$(cd "$dir" && ms_of docker-compose -p "${p}c" up -d); cleanup "${p}c"
    fi
    echo "$f" >> "$work/floor"; echo "$b" >> "$work/berth"; echo "$c" >> "$work/compose"
    if [ "$f" -gt 0 ]; then
      awk -v b="$b" -v f="$f" 'BEGIN {printf "%.3f\n", b / f}' >> "$work/r_bf"
      awk -v c="$c" -v f="$f" 'BEGIN {printf "%.3f\n", c / f}' >> "$work/r_cf"
    fi
    awk -v b="$b" -v c="$c" 'BEGIN {printf "%.3f\n", b / c}' >> "$work/r_bc"
    echo "bench: $scenario round $round: floor ${f} ms, berth ${b} ms, docker-compose ${c} ms" >&2
  done
  if [[ $scenario == nochange* ]]; then
    printf '| %s | – | %s | %s | – | – | %s |\n' "$scenario" "$(median < "$work/berth")" "$(median < "$work/compose")" "$(median < "$work/r_bc")"
  else
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$scenario" "$(median < "$work/floor")" "$(median < "$work/berth")" \
      "$(median < "$work/compose")" "$(median < "$work/r_bf")" "$(median < "$work/r_cf")" "$(median < "$work/r_bc")"
  fi
done
