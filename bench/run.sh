#!/usr/bin/env bash
# Assay throughput benchmark: builds, sets up the peers, generates the corpus and pack when missing, runs
# everything on the same files and prints a markdown report (also bench/out/latest.md). See bench/README.md.
#
#   bench/run.sh [--mb N] [--runs K] [--seed S] [--no-callgrind] [--no-emulate] [--latency-n N]
#
# Environment: SCRATCH (default .build-bench) is the SwiftPM scratch path; SKIP_BUILD=1 uses what is built.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=20
SEED=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) MB="$2"; ARGS+=("$1" "$2"); shift 2 ;;
    --seed) SEED="$2"; ARGS+=("$1" "$2"); shift 2 ;;
    --runs|--latency-n) ARGS+=("$1" "$2"); shift 2 ;;
    --no-callgrind|--no-emulate) ARGS+=("$1"); shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
SCRATCH="${SCRATCH:-.build-bench}"
mkdir -p bench/out

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "run.sh: building assay and assay-bench (release, --scratch-path $SCRATCH)" >&2
  # Statically linked Swift runtime and Foundation, as scripts/demo.sh and CI build it (~5 ms less per start).
  swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product assay >&2
  swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product assay-bench >&2
fi

if ! command -v rg >/dev/null; then
  echo "run.sh: installing ripgrep (Debian package)" >&2
  apt-get install -y ripgrep >&2 || { apt-get update >&2 && apt-get install -y ripgrep >&2; }
fi
command -v valgrind >/dev/null || { apt-get install -y valgrind >&2 || true; }
if [ ! -x bench/out/venv/bin/python ] || ! bench/out/venv/bin/python -c 'import ahocorasick_rs' 2>/dev/null; then
  echo "run.sh: creating bench/out/venv with ahocorasick_rs" >&2
  python3 -m venv bench/out/venv
  bench/out/venv/bin/pip install --quiet ahocorasick_rs >&2
fi

[ -f bench/pack/terms.assay ] || python3 bench/gen_pack.py >&2
MBL=$(python3 -c "print(f'{float(\"$MB\"):g}')")
[ -f "bench/out/corpus-$MBL.jsonl" ] || python3 bench/gen_corpus.py --mb "$MB" --seed "$SEED" --out "bench/out/corpus-$MBL.jsonl"
[ -f bench/out/corpus-1.jsonl ] || python3 bench/gen_corpus.py --mb 1 --seed 1 --out bench/out/corpus-1.jsonl

exec python3 bench/bench.py --bin "$SCRATCH/release" "${ARGS[@]}"
