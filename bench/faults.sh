#!/usr/bin/env bash
# The fault benchmarks of issue 13, one after another, each writing its own figures:
#   bench/faults/recreate.sh    interrupted recreate, first up and down (SIGINT/SIGKILL at random
#                               moments, and at named plan nodes by a test hook), then one more
#                               command: converged/N for berth and docker-compose 1.29
#   bench/faults/concurrent.sh  three `up -d` of one project at once: exit codes and containers
#                               per replica, for berth and docker-compose 1.29
#   bench/faults/engine.sh      a fake Engine on a Unix socket and on 127.0.0.1 (never answers,
#                               answers /_ping only, answers garbage, answers 500): seconds to
#                               give up and the line printed, for berth and docker-compose 1.29
# Results are described in bench/faults/*.md; bench/faults/coverage.md maps the fault list of the
# reliability notes to the tests that cover each case.
#
# Usage: bench/faults.sh [TRIALS]   (default 20 for recreate, 10 for concurrent)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
trials=${1:-}
bash "$here/faults/recreate.sh" ${trials:-20}
bash "$here/faults/concurrent.sh" ${trials:-10}
bash "$here/faults/engine.sh"
