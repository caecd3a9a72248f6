#!/usr/bin/env bash
# Runs the e2e scenarios tagged `peer` (those where Compose v1 and v2 agree) against Debian's
# docker-compose 1.29 instead of bin/berth: a check that the ported scenarios assert what a Compose
# does, not what berth happens to do. Installs docker-compose if missing (root on Debian); an
# Engine must answer (scripts/engine.sh start).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "e2e-peer: installing Debian's docker-compose" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
exec mvn -B -ntp -pl e2e -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dgroups=peer -De2e.compose=docker-compose "$@"
