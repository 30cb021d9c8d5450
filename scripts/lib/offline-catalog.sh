# shellcheck shell=bash
# Sourced by scripts/generate and scripts/test. Serves the offline gpuhunt catalog fixture
# (../shared/data/gpuhunt, laid out like gpuhunt's public v3 bucket) on 127.0.0.1 and points
# GPUHUNT_CATALOG_URL at it. The caller must `stop_offline_catalog` on exit.

offline_catalog_pid=""

# serve_offline_catalog DIR: starts the server and exports GPUHUNT_CATALOG_URL.
serve_offline_catalog() {
  local directory=$1 port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$directory" >/dev/null 2>&1 &
  offline_catalog_pid=$!
  for _ in $(seq 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/aws/version', timeout=1)" 2>/dev/null; then
      export GPUHUNT_CATALOG_URL="http://127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  echo "offline catalog: the server on 127.0.0.1:$port did not start" >&2
  return 1
}

stop_offline_catalog() {
  if [[ -n "$offline_catalog_pid" ]]; then kill "$offline_catalog_pid" 2>/dev/null || true; fi
}

# use_offline_catalog_if_needed: when no catalog location is set and gpuhunt's public bucket
# cannot be reached, serves the fixture instead (machines without network).
use_offline_catalog_if_needed() {
  local fixture=../shared/data/gpuhunt
  if [[ -n "${GPUHUNT_CATALOG_URL:-}" || -n "${GPUHUNT_CATALOG_DIR:-}" ]]; then return 0; fi
  if curl -fsS --max-time 10 -o /dev/null \
      "https://dstack-gpu-pricing.s3.eu-west-1.amazonaws.com/v3/aws/version" 2>/dev/null; then
    return 0
  fi
  if [[ ! -d "$fixture" ]]; then
    echo "generate: gpuhunt's catalog cannot be reached and there is no offline copy at $fixture" >&2
    return 0
  fi
  echo "generate: gpuhunt's catalog cannot be reached; using the offline copy $fixture" >&2
  serve_offline_catalog "$fixture"
}
