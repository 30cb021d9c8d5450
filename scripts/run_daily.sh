#!/usr/bin/env bash
# The daily job (run by .github/workflows/daily.yml, or by hand in a checkout):
# builds seekgpu in release mode and runs `seekgpu daily`, which updates the openhands-index
# submodule, generates every step (with retries), commits and pushes only a real data change,
# and e-mails alerts. Arguments are passed to `seekgpu daily` (see `seekgpu daily --help`).
#
# Environment: GITHUB_TOKEN (push over HTTPS), SMTP settings (see README "Daily job"),
# and the source variables of `seekgpu generate`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/release-build.sh
source scripts/lib/release-build.sh
build_release >&2
exec "$(release_binary)" daily "$@"
