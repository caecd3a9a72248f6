#!/usr/bin/env bash
# Starts, stops or reports the Docker Engine that berth and its tests talk to.
#
#   scripts/engine.sh start    ensure an Engine answers; install docker.io and start dockerd if needed
#   scripts/engine.sh stop     stop the dockerd this script started (never one it did not start)
#   scripts/engine.sh restart  stop and start again the dockerd this script started, with the same
#                              options (for tests of what the Engine does when it comes back)
#   scripts/engine.sh status   exit 0 when an Engine answers, 1 otherwise
#
# Idempotent. A daemon we start binds published ports to 127.0.0.1 by default (--ip), so a
# compose file that does not name a host address never exposes a port beyond this machine.
set -euo pipefail

STATE_DIR=${BERTH_ENGINE_STATE:-/var/run/berth-engine}
PID_FILE=$STATE_DIR/dockerd.pid
LOG_FILE=$STATE_DIR/dockerd.log
SOCKET=/var/run/docker.sock
REGISTRY_MIRROR=${BERTH_REGISTRY_MIRROR:-}

say() { printf 'engine: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

engine_host() {
  if [ -n "${DOCKER_HOST:-}" ]; then printf '%s' "$DOCKER_HOST"; else printf 'unix://%s' "$SOCKET"; fi
}

answers() {
  local host; host=$(engine_host)
  case "$host" in
    unix://*)
      local sock=${host#unix://}
      [ -S "$sock" ] || return 1
      curl -fsS --max-time 3 --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1
      ;;
    tcp://*)
      curl -fsS --max-time 3 "http://${host#tcp://}/_ping" >/dev/null 2>&1
      ;;
    *) return 1 ;;
  esac
}

need_root_debian() {
  [ "$(id -u)" = 0 ] || die "no Engine answers on $(engine_host), and starting one needs root"
  command -v apt-get >/dev/null 2>&1 || die "no Engine answers on $(engine_host), and this is not a Debian-family host: start Docker yourself"
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  # Test images are FROM scratch: the busybox in them must be the static one.
  dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  # A registry on 127.0.0.1 for the pull and push tests: no public registry is reachable here.
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  # htpasswd (bcrypt) for the registry that tests logins.
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

start() {
  if answers; then say "an Engine answers on $(engine_host)"; return 0; fi
  [ -z "${DOCKER_HOST:-}" ] || [ "$(engine_host)" = "unix://$SOCKET" ] \
    || die "DOCKER_HOST=$DOCKER_HOST does not answer; unset it to let this script start a local dockerd"
  need_root_debian
  install_packages
  mkdir -p "$STATE_DIR"
  local args=(--host "unix://$SOCKET" --ip 127.0.0.1 --pidfile "$STATE_DIR/dockerd.real.pid")
  # Kept so that a restart starts the daemon as it was started.
  printf '%s' "$REGISTRY_MIRROR" > "$STATE_DIR/registry-mirror"
  if [ -n "$REGISTRY_MIRROR" ]; then
    args+=(--registry-mirror "http://$REGISTRY_MIRROR" --insecure-registry "$REGISTRY_MIRROR")
  fi
  say "starting dockerd (log: $LOG_FILE)"
  # setsid: the daemon outlives this shell and the CI step that called us.
  setsid dockerd "${args[@]}" >"$LOG_FILE" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 120); do
    if answers; then say "dockerd is up"; return 0; fi
    kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { tail -n 20 "$LOG_FILE" >&2; rm -f "$PID_FILE"; die "dockerd exited during start-up"; }
    sleep 0.5
  done
  tail -n 20 "$LOG_FILE" >&2
  die "dockerd did not answer on $SOCKET within 60 s"
}

stop() {
  if [ ! -f "$PID_FILE" ]; then say "no dockerd started by this script; leaving the Engine alone"; return 0; fi
  local pid; pid=$(cat "$PID_FILE")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping dockerd ($pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
}

restart() {
  [ -f "$PID_FILE" ] || die "no dockerd started by this script: not restarting an Engine it did not start"
  REGISTRY_MIRROR=$(cat "$STATE_DIR/registry-mirror" 2>/dev/null || true)
  stop
  for _ in $(seq 1 20); do answers || break; sleep 0.5; done
  start
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  status) if answers; then say "an Engine answers on $(engine_host)"; else say "no Engine answers on $(engine_host)"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
