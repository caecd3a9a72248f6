#!/usr/bin/env bash
# The project bench/faults cuts: 12 services (13 containers) with chains of depends_on (five deep
# at most: db, api, web, c1, c2), one service_healthy dependency, scale: 2 on web, and a named
# volume. Every service reads VERSION, so changing it recreates them all. The healthcheck tolerates
# a loaded machine (an exec of `true` can take seconds then): an unhealthy db is not what the bench
# is about.
# Usage: project.sh IMAGE > compose.yaml
set -euo pipefail
image=$1
cat <<YAML
x-service: &service
  image: $image
  command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
  environment:
    VERSION: \${VERSION}
services:
  db:
    <<: *service
    volumes: ["data:/data"]
    healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 10s, retries: 30}
  cache:
    <<: *service
  api:
    <<: *service
    depends_on:
      db: {condition: service_healthy}
      cache: {condition: service_started}
  web:
    <<: *service
    scale: 2
    depends_on: [api]
  worker:
    <<: *service
    depends_on: [api]
YAML
# Two more chains of two, and one of three: deep enough to order, shallow enough for a bench.
chain() { # service depends-on
  printf '  %s:\n    <<: *service\n    depends_on: [%s]\n' "$1" "$2"
}
chain c1 web; chain c2 c1
chain c3 worker; chain c4 c3
chain c5 cache; chain c6 c5; chain c7 c6
cat <<YAML
volumes:
  data:
YAML
