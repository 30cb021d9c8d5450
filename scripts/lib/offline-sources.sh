# shellcheck shell=bash
# Sourced by scripts/generate and scripts/test. Stands in for the network sources with the
# offline fixtures in ../shared/data: folders served over HTTP on 127.0.0.1 (gpuhunt's catalog,
# the Hugging Face endpoint) and a file:// URL (LiteLLM's price file). The caller must call
# `stop_offline_sources` on exit.

offline_server_pids=()
served_url=""

# serve_directory DIR PROBE: serves DIR on 127.0.0.1 and sets served_url to its base URL once
# PROBE (a path under DIR) answers.
serve_directory() {
  local directory=$1 probe=$2 port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$directory" >/dev/null 2>&1 &
  offline_server_pids+=("$!")
  for _ in $(seq 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/$probe', timeout=1)" 2>/dev/null; then
      served_url="http://127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  echo "offline sources: the server for $directory on 127.0.0.1:$port did not start" >&2
  return 1
}

stop_offline_sources() {
  local pid
  for pid in "${offline_server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}

litellm_fixture_url() {
  echo "file://$(cd ../shared/data/litellm && pwd)/model_prices_and_context_window.json"
}

# use_offline_sources: points every source at its fixture, unconditionally (tests).
use_offline_sources() {
  serve_directory ../shared/data/gpuhunt aws/version
  export GPUHUNT_CATALOG_URL=$served_url
  serve_directory ../shared/data/hf zai-org/GLM-5/resolve/main/config.json
  export HF_ENDPOINT=$served_url
  SEEKGPU_LITELLM_URL=$(litellm_fixture_url)
  export SEEKGPU_LITELLM_URL
}

reachable() { curl -fsS --max-time 10 -o /dev/null "$1" 2>/dev/null; }

# use_offline_sources_if_needed: for each source that is not configured and cannot be reached
# (machines without network), uses its fixture instead and says so.
use_offline_sources_if_needed() {
  local data=../shared/data
  if [[ -z "${GPUHUNT_CATALOG_URL:-}${GPUHUNT_CATALOG_DIR:-}" && -d $data/gpuhunt ]] &&
      ! reachable "https://dstack-gpu-pricing.s3.eu-west-1.amazonaws.com/v3/aws/version"; then
    echo "generate: gpuhunt's catalog cannot be reached; using the offline copy $data/gpuhunt" >&2
    serve_directory $data/gpuhunt aws/version
    export GPUHUNT_CATALOG_URL=$served_url
  fi
  if [[ -z "${HF_ENDPOINT:-}" && -d $data/hf ]] && ! reachable "https://huggingface.co/api/health"; then
    echo "generate: Hugging Face cannot be reached; using the offline configs in $data/hf" >&2
    serve_directory $data/hf zai-org/GLM-5/resolve/main/config.json
    export HF_ENDPOINT=$served_url
  fi
  if [[ -z "${SEEKGPU_LITELLM_URL:-}" && -d $data/litellm ]] &&
      ! reachable "https://raw.githubusercontent.com/BerriAI/litellm/main/README.md"; then
    echo "generate: LiteLLM's price file cannot be reached; using the offline copy in $data/litellm" >&2
    SEEKGPU_LITELLM_URL=$(litellm_fixture_url)
    export SEEKGPU_LITELLM_URL
  fi
}
