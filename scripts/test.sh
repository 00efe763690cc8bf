#!/usr/bin/env bash
# Runs the whole test suite (installing the system libraries first when they are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-browser.sh        # Chromium + CJK fonts for the HTML report's browser test
# Real consumers of the reports and integrations: SARIF/JSON schema validation, a JUnit parser, pre-commit.
python3 -c "import jsonschema, junitparser" 2>/dev/null || python3 -m pip install -q jsonschema junitparser
command -v pre-commit >/dev/null 2>&1 || python3 -m pip install -q pre-commit
swift build --build-tests
swift test --skip-build --disable-xctest
