#!/usr/bin/env bash
# The project bench/faults cuts: 12 services (13 containers) with chains of depends_on, one
# service_healthy dependency, scale: 2 on web, and a named volume. Every service reads VERSION, so
# changing it recreates them all. Usage: project.sh IMAGE > compose.yaml
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
    healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 1s, retries: 3}
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
previous=web
for i in 1 2 3 4 5 6 7; do
  printf '  c%d:\n    <<: *service\n    depends_on: [%s]\n' "$i" "$previous"
  previous=c$i
done
cat <<YAML
volumes:
  data:
YAML
