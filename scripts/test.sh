#!/usr/bin/env bash
# Runs the whole test suite, Engine-backed tests included: starts an Engine if none answers (and
# stops it again at the end), installs a JDK and Maven if missing, then `mvn verify`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

started_engine=no
cleanup() {
  if [ "$started_engine" = yes ]; then bash scripts/engine.sh stop || true; fi
}
trap cleanup EXIT

if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || { echo "test: install a JDK 17+ and Maven first" >&2; exit 1; }
  echo "test: installing a JDK and Maven" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends default-jdk-headless maven >/dev/null
fi

if ! bash scripts/engine.sh status 2>/dev/null; then
  bash scripts/engine.sh start
  started_engine=yes
fi

mvn -B -ntp verify "$@"
