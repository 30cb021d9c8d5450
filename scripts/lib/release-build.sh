# shellcheck shell=bash
# Sourced by scripts/generate, scripts/run_daily.sh and scripts/bench: the one release build.
# The Swift runtime is linked statically (--static-swift-stdlib): on Linux that cuts start-up
# (`seekgpu --help`, the snapshot no-op) by about a third; see README "Performance".
# RELEASE_SCRATCH=DIR builds into DIR instead of .build (swift build --scratch-path).

release_build_flags=(-c release --product seekgpu --static-swift-stdlib)
if [[ -n "${RELEASE_SCRATCH:-}" ]]; then release_build_flags+=(--scratch-path "$RELEASE_SCRATCH"); fi

# build_release: builds the release binary.
build_release() {
  swift build "${release_build_flags[@]}"
}

# release_binary: prints the path of the binary build_release makes.
release_binary() {
  echo "$(swift build "${release_build_flags[@]}" --show-bin-path)/seekgpu"
}
