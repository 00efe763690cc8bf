#!/usr/bin/env bash
# Assay throughput benchmark: builds, sets up the peers, generates the corpus and pack when missing, runs
# everything on the same files and prints a markdown report (also bench/out/latest.md). See bench/README.md.
#
#   bench/run.sh [--mb N] [--runs K] [--seed S] [--corpus FILE] [--no-callgrind] [--no-emulate] [--latency-n N]
#
# --corpus FILE runs on a corpus made elsewhere (same canonical JSONL shape) instead of a generated one.
# Environment: SCRATCH (default .build-bench) is the SwiftPM scratch path; SKIP_BUILD=1 uses what is built.
set -euo pipefail
CALLER_DIR=$PWD
cd "$(dirname "$0")/.."

MB=20
SEED=1
CORPUS=
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) MB="$2"; ARGS+=("$1" "$2"); shift 2 ;;
    --seed) SEED="$2"; ARGS+=("$1" "$2"); shift 2 ;;
    --corpus) CORPUS=$(cd "$CALLER_DIR" && realpath -m -- "$2"); ARGS+=("$1" "$CORPUS"); shift 2 ;;
    --runs|--latency-n) ARGS+=("$1" "$2"); shift 2 ;;
    --no-callgrind|--no-emulate) ARGS+=("$1"); shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
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
if [ -z "$CORPUS" ]; then
  # Seed 1 keeps the plain name; other seeds get their own file (never a silently reused seed-1 corpus).
  MBL=$(python3 -c "print(f'{float(\"$MB\"):g}')")
  NAME="bench/out/corpus-$MBL.jsonl"
  [ "$SEED" = 1 ] || NAME="bench/out/corpus-$MBL-seed$SEED.jsonl"
  [ -f "$NAME" ] || python3 bench/gen_corpus.py --mb "$MB" --seed "$SEED" --out "$NAME"
elif [ ! -f "$CORPUS" ]; then
  echo "run.sh: no corpus file $CORPUS" >&2; exit 2
fi
[ -f bench/out/corpus-1.jsonl ] || python3 bench/gen_corpus.py --mb 1 --seed 1 --out bench/out/corpus-1.jsonl

exec python3 bench/bench.py --bin "$SCRATCH/release" "${ARGS[@]}"
