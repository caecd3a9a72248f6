#!/usr/bin/env bash
# The first run on a fresh Debian machine, as root: an Engine (installed and started if needed), a
# JDK and Maven, the berth build, then samples/hello up, listed, fetched and taken down again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '\n== %s\n' "$*"; }
fail() { echo "quickstart: $*" >&2; exit 1; }

say "Engine"
bash "$root/scripts/engine.sh" start || fail "no Docker Engine; see the message above"

if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  say "JDK and Maven"
  [ "$(id -u)" = 0 ] || fail "install a JDK 17+ and Maven, or run this as root"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends default-jdk-headless maven >/dev/null
fi

say "Build"
"$root/bin/berth" version

say "Image busybox:stable"
if docker image inspect busybox:stable >/dev/null 2>&1; then
  echo "present"
elif timeout 20 docker pull -q busybox:stable >/dev/null 2>&1; then
  echo "pulled"
else
  echo "busybox:stable could not be pulled (no registry reachable); building it locally"
  bash "$root/scripts/busybox-image.sh" busybox:stable
fi

cd "$root/samples/hello"
say "berth up -d"
"$root/bin/berth" up -d
say "berth ps"
"$root/bin/berth" ps
say "GET http://127.0.0.1:8080/"
page=""
for _ in $(seq 1 50); do
  page=$(curl -fsS --max-time 2 http://127.0.0.1:8080/ 2>/dev/null) && break
  sleep 0.2
done
[ -n "$page" ] || { "$root/bin/berth" down; fail "the page did not answer"; }
echo "$page"
say "berth down"
"$root/bin/berth" down
say "Done: berth works here. Next: scripts/test.sh runs the whole test suite."
