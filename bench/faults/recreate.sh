#!/usr/bin/env bash
# Fault bench (issue 13): does one `up -d` converge a project after an interrupted command?
# The project (bench/faults/project.sh) has 12 services, 13 containers: chains of depends_on, one
# service_healthy dependency, scale: 2 on web, a named volume; every service reads VERSION.
#
#   recreate  the project runs on VERSION=n; `up -d` on VERSION=n+1 is interrupted (SIGKILL or
#             SIGINT, alternately, at a random moment of its run); then one `up -d`.
#   first-up  nothing exists; `up -d` is interrupted the same way; then one `up -d`.
#   down      the project runs; `down` is interrupted the same way; then one `down`.
#   hook      berth only: the same `up -d` halted right after a named node of the plan
#             (BERTH_TEST_CRASH_AFTER, a test hook of the executor), at each step of a recreate
#             and at five points of a first up.
#
# Converged after up: every service at its replica count, running, on the new VERSION, under its
# final name, no temporary names, no second container of a number; for berth also a further
# `up -d --dry-run` plans nothing. Converged after down: no container or network of the project
# is left.
# A random moment is uniform over the duration of an uninterrupted run of the same command,
# measured first. Each tool's trials run on a project of their own, taken down at the end.
#
# Usage: bench/faults/recreate.sh [TRIALS] [TOOL...]   (default 20 trials; berth docker-compose)
# Down trials are TRIALS/4. SCENARIOS (default "recreate first-up down hook") picks scenarios, so
# that several runs can share the work. Results on stdout; one line per trial, and the output of
# those that did not converge, in $FAULTS_LOG (default /tmp/berth-faults.log).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
trials=${1:-20}
shift || true
tools=("$@")
[ ${#tools[@]} -gt 0 ] || tools=(berth docker-compose)
down_trials=$((trials / 4))
scenarios=" ${SCENARIOS:-recreate first-up down hook} "
image=berth-faults/busybox:1
log=${FAULTS_LOG:-/tmp/berth-faults.log}
: > "$log"

docker image inspect "$image" >/dev/null 2>&1 || bash "$root/scripts/busybox-image.sh" "$image"
"$root/bin/berth" version >/dev/null
work=$(mktemp -d)
bash "$root/bench/faults/project.sh" "$image" > "$work/compose.yaml"
cd "$work"
run_id=$(date +%s)$$
projects=()

cleanup() {
  for p in "${projects[@]}"; do
    "$root/bin/berth" -p "$p" down -v -t 0 >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

command_of() { # tool -> the command line, in the array `cmd`
  case "$1" in
    berth) cmd=("$root/bin/berth") ;;
    docker-compose) cmd=(docker-compose) ;;
    *) echo "unknown tool $1" >&2; exit 2 ;;
  esac
}

sep_of() { [ "$1" = berth ] && echo - || echo _; }

# tool project version args... : runs the tool to its end, output in $work/out
run() {
  local tool=$1 project=$2 version=$3
  shift 3
  command_of "$tool"
  VERSION=$version COMPOSE_PROJECT_NAME=$project "${cmd[@]}" "$@" > "$work/out" 2>&1
}

# tool project version delay_ms signal args... : runs the tool and sends it the signal after the
# delay (if it is still running then); waits for it to end.
interrupted() {
  local tool=$1 project=$2 version=$3 delay=$4 signal=$5
  shift 5
  command_of "$tool"
  VERSION=$version COMPOSE_PROJECT_NAME=$project "${cmd[@]}" "$@" > "$work/cut" 2>&1 &
  local pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -"$signal" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# tool project version args... : milliseconds the command takes, uninterrupted
timed() {
  local start end
  start=$(date +%s%N)
  run "$@" || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# tool project version: empty if converged, else what is wrong
problems() {
  local tool=$1 project=$2 version=$3 sep
  sep=$(sep_of "$tool")
  local expected actual
  expected=$(for s in db cache api worker c1 c2 c3 c4 c5 c6 c7; do echo "$project$sep$s${sep}1"; done
    echo "$project${sep}web${sep}1"; echo "$project${sep}web${sep}2")
  expected=$(sort <<< "$expected")
  actual=$(docker ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Names}}' | sort)
  [ "$actual" = "$expected" ] || echo "containers: $(tr '\n' ' ' <<< "$actual")"
  local ids
  ids=$(docker ps -a -q --filter "label=com.docker.compose.project=$project")
  [ -n "$ids" ] || return 0
  docker inspect --format '{{.Name}} {{.State.Status}} {{range .Config.Env}}{{.}} {{end}}' $ids | while read -r name state env; do
    [ "$state" = running ] || echo "$name $state"
    case " $env " in *" VERSION=$version "*) ;; *) echo "$name not on VERSION=$version" ;; esac
  done
}

# tool project version: empty if a further up changes nothing
further_up_changes() {
  local tool=$1 project=$2 version=$3
  if [ "$tool" = berth ]; then
    run "$tool" "$project" "$version" up -d --dry-run || { echo "dry-run failed"; return; }
    grep -- '->' "$work/out" || true
  fi
  # docker-compose: not checked (it has no dry run, and another up of it takes half a minute on a
  # loaded machine); its containers' names, states and environment are.
}

down_problems() {
  local project=$1
  local left
  left=$(docker ps -a -q --filter "label=com.docker.compose.project=$project"; docker network ls -q --filter "label=com.docker.compose.project=$project")
  [ -z "$left" ] || echo "left after down: $(tr '\n' ' ' <<< "$left")"
}

reset() { # tool project version: the project converged on version, from scratch
  run "$1" "$2" "$3" down -v -t 0 || "$root/bin/berth" -p "$2" down -v -t 0 >/dev/null 2>&1 || true
  run "$1" "$2" "$3" up -d || true
}

note_failure() { # what trial
  { echo "=== $1"; echo "--- interrupted run"; cat "$work/cut" 2>/dev/null; echo "--- recovery"; cat "$work/recovery" 2>/dev/null
    echo "--- problems"; echo "$2"; } >> "$log"
}

# kind tool project version delay signal|hook: one trial; prints 1 when converged
up_trial() {
  local kind=$1 tool=$2 project=$3 version=$4 delay=$5 how=$6
  if [[ "$how" == service:* ]]; then
    command_of "$tool"
    VERSION=$version COMPOSE_PROJECT_NAME=$project BERTH_TEST_CRASH_AFTER=$how "${cmd[@]}" up -d > "$work/cut" 2>&1 || true
  else
    interrupted "$tool" "$project" "$version" "$delay" "$how" up -d
  fi
  run "$tool" "$project" "$version" up -d || true
  cp "$work/out" "$work/recovery"
  local wrong
  wrong=$(problems "$tool" "$project" "$version")
  [ -n "$wrong" ] || wrong=$(further_up_changes "$tool" "$project" "$version")
  echo "$kind $tool VERSION=$version $how ${delay}ms: ${wrong:-converged}" | head -1 >> "$log"
  if [ -z "$wrong" ]; then echo 1; else note_failure "$kind $tool $project VERSION=$version $how ${delay}ms" "$wrong"; echo 0; fi
}

moment() { echo $(( (RANDOM * 32768 + RANDOM) % $1 )); } # uniform in [0, $1) ms; RANDOM alone stops at 32767

signal_of() { [ $(($1 % 2)) -eq 0 ] && echo KILL || echo INT; }

recreate_points=(CreateContainer StopContainer RemoveContainer RenameContainer StartContainer)
first_up_points=(service:db:1:CreateContainer service:db:1:StartContainer service:db:1:WaitContainer
  service:web:1:CreateContainer service:web:2:StartContainer)

printf '%-15s %-10s %-10s %s\n' tool scenario converged "how"
for tool in "${tools[@]}"; do
  project=faults-$(tr -d - <<< "$tool")-$(tr -d ' -' <<< "$scenarios" | cut -c1-12)-$run_id
  projects+=("$project")
  # Durations of the uninterrupted commands, for the random moments.
  run "$tool" "$project" 0 down -v -t 0 || true
  t_first=$(timed "$tool" "$project" 0 up -d)
  t_recreate=$(timed "$tool" "$project" 1 up -d)
  t_down=$(timed "$tool" "$project" 1 down -t 0)
  echo "# $tool: uninterrupted first up ${t_first} ms, recreate up ${t_recreate} ms, down ${t_down} ms" >&2

  # recreate, random moments
  if [[ "$scenarios" == *" recreate "* ]]; then
  version=1
  reset "$tool" "$project" "$version"
  ok=0
  for i in $(seq 1 "$trials"); do
    [ -z "$(problems "$tool" "$project" "$version")" ] || reset "$tool" "$project" "$version"
    version=$((version + 1))
    ok=$((ok + $(up_trial recreate "$tool" "$project" "$version" "$(moment "$t_recreate")" "$(signal_of "$i")")))
  done
  printf '%-15s %-10s %-10s %s\n' "$tool" recreate "$ok/$trials" "SIGKILL/SIGINT at a random moment"
  fi

  # first up, random moments
  if [[ "$scenarios" == *" first-up "* ]]; then
  ok=0
  for i in $(seq 1 "$trials"); do
    run "$tool" "$project" 1 down -v -t 0 || true
    ok=$((ok + $(up_trial first-up "$tool" "$project" 1 "$(moment "$t_first")" "$(signal_of "$i")")))
  done
  printf '%-15s %-10s %-10s %s\n' "$tool" first-up "$ok/$trials" "SIGKILL/SIGINT at a random moment"
  fi

  # down, random moments
  if [[ "$scenarios" == *" down "* ]]; then
  ok=0
  for i in $(seq 1 "$down_trials"); do
    reset "$tool" "$project" 1
    interrupted "$tool" "$project" 1 "$(moment "$t_down")" "$(signal_of "$i")" down -t 0
    run "$tool" "$project" 1 down -t 0 || true
    wrong=$(down_problems "$project")
    echo "down $tool: ${wrong:-converged}" >> "$log"
    if [ -z "$wrong" ]; then ok=$((ok + 1)); else note_failure "down $tool $project" "$wrong"; fi
  done
  printf '%-15s %-10s %-10s %s\n' "$tool" down "$ok/$down_trials" "SIGKILL/SIGINT at a random moment"
  fi

  if [ "$tool" = berth ] && [[ "$scenarios" == *" hook "* ]]; then
    version=100
    reset "$tool" "$project" "$version"
    ok=0
    for point in "${recreate_points[@]}"; do
      [ -z "$(problems "$tool" "$project" "$version")" ] || reset "$tool" "$project" "$version"
      version=$((version + 1))
      ok=$((ok + $(up_trial recreate-hook "$tool" "$project" "$version" 0 "service:web:1:$point")))
    done
    printf '%-15s %-10s %-10s %s\n' "$tool" recreate "$ok/${#recreate_points[@]}" "halted after service:web:1 ${recreate_points[*]}"
    ok=0
    for point in "${first_up_points[@]}"; do
      run "$tool" "$project" 1 down -v -t 0 || true
      ok=$((ok + $(up_trial first-up-hook "$tool" "$project" 1 0 "$point")))
    done
    printf '%-15s %-10s %-10s %s\n' "$tool" first-up "$ok/${#first_up_points[@]}" "halted after ${first_up_points[*]}"
  fi
  run "$tool" "$project" 1 down -v -t 0 || true
done
