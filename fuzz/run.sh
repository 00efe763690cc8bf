#!/usr/bin/env bash
# Builds the libFuzzer targets, seeds their corpora and runs each for SECONDS, one after another.
# Usage: fuzz/run.sh SECONDS [TARGET ...]     (default: every target)
# Exits 1 when any target left a crash, timeout, leak or OOM artifact (listed at the end), 2 on usage or
# build errors. Extra libFuzzer flags can be passed in FUZZ_FLAGS (e.g. FUZZ_FLAGS="-jobs=2 -workers=2").
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

all=(FuzzRuleFile FuzzJSONLines FuzzCSV FuzzFeed FuzzHTML FuzzNormalizer FuzzRegex FuzzCheck)
if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
    echo "usage: fuzz/run.sh SECONDS [TARGET ...]   targets: ${all[*]}" >&2
    exit 2
fi
seconds="$1"
shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all[@]}")
for t in "${targets[@]}"; do
    [[ " ${all[*]} " == *" $t "* ]] || { echo "unknown target: $t (known: ${all[*]})" >&2; exit 2; }
done

# The only recipe that yields a binary that fuzzes (see ../shared/ENGINEERING.md in the workspace).
build() {
    swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
        --scratch-path "$here/.build-fuzz" "$@"
}
echo "== building ${targets[*]}"
start=$(date +%s)
if [[ ${#targets[@]} -eq ${#all[@]} ]]; then
    build || exit 2
else
    for t in "${targets[@]}"; do build --product "$t" || exit 2; done
fi
echo "== built in $(( $(date +%s) - start )) s"
bin="$(build --show-bin-path)"

"$here/seed.sh" || exit 2

# fatalError goes straight to libFuzzer's handler (the Swift backtracer under ASan only adds noise), and
# the documented LeakSanitizer suppressions apply (see lsan.supp).
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

failed=()
for t in "${targets[@]}"; do
    mkdir -p "artifacts/$t" "corpus/$t"
    before=$(ls "artifacts/$t" | wc -l)
    echo "== $t for ${seconds} s"
    # The corpus directory is first: new inputs are added to it, so later runs start from them.
    # shellcheck disable=SC2086
    "$bin/$t" "corpus/$t" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="artifacts/$t/" ${FUZZ_FLAGS:-} 2> "artifacts/$t.log"
    status=$?
    grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)|^(==[0-9]+==)?ERROR|^SUMMARY|Fatal error" "artifacts/$t.log" | sed "s/^/   /"
    after=$(ls "artifacts/$t" | wc -l)
    if [[ $status -ne 0 || $after -gt $before ]]; then
        failed+=("$t (exit $status; log fuzz/artifacts/$t.log)")
        # The end of the log holds the sanitizer report or fatal error, the stack and, for small inputs,
        # libFuzzer's "Base64:" line: enough to rebuild the input where the artifact is gone (CI).
        echo "   -- end of fuzz/artifacts/$t.log:"
        tail -n 60 "artifacts/$t.log" | cut -c1-400 | sed "s/^/   | /"
    fi
done

found=$(find artifacts -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | sort)
if [[ ${#failed[@]} -gt 0 || -n "$found" ]]; then
    echo "== FAILED"
    for f in "${failed[@]}"; do echo "   $f"; done
    if [[ -n "$found" ]]; then
        echo "   findings (reproduce: fuzz/.build-fuzz/release/<Target> <file>; see fuzz/README.md):"
        while IFS= read -r f; do
            size=$(wc -c < "$f")
            echo "   $here/$f ($size bytes)"
            # Small findings are printed whole, so a CI log alone is enough to reproduce them.
            if [[ $size -le 4096 ]]; then echo "     base64: $(base64 -w0 "$f")"; fi
        done <<< "$found"
    fi
    exit 1
fi
echo "== no crashes, timeouts or leaks"
