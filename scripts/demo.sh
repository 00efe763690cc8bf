#!/usr/bin/env bash
# Sets everything up and runs Assay's main job: the bundled packs over the bundled fixtures.
# Exits with assay's own status: 1 here, because the fixtures hold real violations.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh || exit 2
# The Swift runtime and Foundation linked statically: each start skips ~5 ms of dynamic loading.
swift build -c release --static-swift-stdlib --product assay || exit 2
echo "== .build/release/assay check fixtures/" >&2
.build/release/assay check fixtures/
status=$?
echo "== exit status $status (0 clean, 1 violations at or above --fail-on, 2 usage or rule errors, 3 unreadable input)" >&2
exit $status
