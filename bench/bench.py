#!/usr/bin/env python3
"""Benchmark driver, called by bench/run.sh (which builds and sets up first). Standard library only.

    python3 bench/bench.py --mb 20 --runs 3 [--bin .build-bench/release] [--latency-n 10000] [--no-callgrind]

Runs every tool --runs times on the same corpus, in this process, one after the other; reports the median
wall time, MB/s (10^6 bytes of corpus per second), the speed ratio against ripgrep, and peak RSS
(/usr/bin/time -v, the largest of the runs); cross-checks the counts; probes rule load time, single-record
latency and a callgrind instruction count. Writes the markdown report to stdout, bench/out/latest.md and
bench/out/latest-<MB>.md. It asserts nothing about speed: the only failures are count mismatches
(exit 1) and tools that fail to run (exit 2).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(BENCH, "out")
PACK = "bench/pack"


def sh(cmd):
    """Output of a shell command, or '' if it fails (for the machine description only)."""
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError:
        return ""


def timed(argv, stdout_path):
    """Runs argv under /usr/bin/time -v; returns (wall seconds, peak RSS in MB, stdout text or None)."""
    time_file = os.path.join(OUT, "time-v.txt")
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", time_file] + argv, stdout=out, stderr=subprocess.PIPE,
                              cwd=ROOT)
        wall = time.perf_counter() - start
    with open(time_file) as f:
        tv = f.read()
    status = re.search(r"Exit status: (\d+)", tv)
    code = int(status.group(1)) if status else proc.returncode
    if code not in (0, 1):  # assay exits 1 when it finds violations only with --fail-on; rg exits 1 on no match
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        raise SystemExit(f"bench.py: {shlex.join(argv)} exited with {code}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv).group(1))
    return wall, rss_kb / 1024, proc.stderr.decode(errors="replace")


def run_tool(name, argv, runs, stdout_path):
    walls, rsss = [], []
    for _ in range(runs):
        wall, rss, _ = timed(argv, stdout_path)
        walls.append(wall)
        rsss.append(rss)
    return {"name": name, "argv": argv, "walls": walls, "median": statistics.median(walls), "rss": max(rsss),
            "out": stdout_path}


def assay_records(path):
    """Records with a violation, per rule family, from `assay check --format jsonl` output."""
    sets = {"terms": set(), "cjk": set(), "en": set(), "regex": set(), "violations": 0}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            v = json.loads(line)
            sets["violations"] += 1
            rule, record = v["rule"], v["record"]
            if rule.startswith("BENCH-T-"):
                sets["terms"].add(record)
                sets["cjk" if rule.startswith("BENCH-T-CN-") else "en"].add(record)
            else:
                sets["regex"].add(record)
    return sets


def kv(text):
    return dict(re.findall(r"(\w+)=(\S+)", text))


def main():
    ap = argparse.ArgumentParser(description="Assay benchmark driver (see bench/README.md).")
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", help="a corpus made elsewhere (canonical JSONL listings) instead of the generated one")
    ap.add_argument("--bin", default=".build-bench/release")
    ap.add_argument("--latency-n", type=int, default=10000)
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--no-emulate", action="store_true", help="skip the (slow, pure Python) Assay-semantics recount")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)

    if args.corpus:
        # Relative to the repository when inside it (commands run there), else absolute.
        corpus = os.path.relpath(os.path.abspath(args.corpus), ROOT)
        if corpus.startswith(".."):
            corpus = os.path.abspath(args.corpus)
        mb_label = f"{os.path.getsize(os.path.join(ROOT, corpus)) / 1e6:.0f}"
        origin = "given with --corpus"
        label = mb_label + "-given"
    else:
        mb_label = f"{args.mb:g}"
        # run.sh names corpora this way: seed 1 plain, other seeds with their seed.
        corpus = f"bench/out/corpus-{mb_label}.jsonl" if args.seed == 1 else f"bench/out/corpus-{mb_label}-seed{args.seed}.jsonl"
        origin = f"seed {args.seed}"
        label = mb_label if args.seed == 1 else f"{mb_label}-seed{args.seed}"
    small = "bench/out/corpus-1.jsonl"
    assay = os.path.join(args.bin, "assay")
    bench_bin = os.path.join(args.bin, "assay-bench")
    venv_python = "bench/out/venv/bin/python"
    size = os.path.getsize(os.path.join(ROOT, corpus))
    mb = size / 1e6
    records = sum(1 for _ in open(os.path.join(ROOT, corpus), "rb"))

    check = [assay, "check", "--format", "jsonl", "--fail-on", "none"]
    help_text = subprocess.run([assay, "check", "--help"], capture_output=True, text=True, cwd=ROOT).stdout
    has_jobs = "--jobs" in help_text
    # `assay check` uses one worker per core by default: the one-core rows must ask for one.
    one_core = ["--jobs", "1"] if has_jobs else []
    notes = []

    tools = []

    def add(name, argv, out_name):
        sys.stderr.write(f"  {name}: {shlex.join(argv)}\n")
        tools.append(run_tool(name, argv, args.runs, os.path.join(OUT, out_name)))

    sys.stderr.write(f"bench.py: {corpus} ({mb:.1f} MB, {records} records), {args.runs} runs each\n")
    add("cat (page-cache floor)", ["cat", corpus], "cat.out")
    add("assay check, 1 core (3,000 terms + 100 regexes)", check + one_core + ["--rules", PACK, corpus], "assay-1.jsonl")
    if has_jobs:
        add("assay check --jobs 2", check + ["--jobs", "2", "--rules", PACK, corpus], "assay-2.jsonl")
    else:
        notes.append("`assay check --jobs` does not exist in this build (`assay check --help`): two-core row skipped.")
    add("assay check, terms pack only (3,000 terms)", check + one_core + ["--rules", f"{PACK}/terms.assay", corpus], "assay-terms.jsonl")
    add("assay check, regex pack only (100 regexes)", check + one_core + ["--rules", f"{PACK}/regex.assay", corpus], "assay-regex.jsonl")
    add("rg -F -c -j1 -f terms.txt", ["rg", "-F", "-c", "-j1", "-f", f"{PACK}/terms.txt", corpus], "rg.out")
    add("ahocorasick_rs (Python, bytes, DFA)", [venv_python, "bench/ac_count.py", "raw", f"{PACK}/terms.txt", corpus],
        "ac.out")
    add("naive PCRE2 JIT loop (100 regexes × every field)", [bench_bin, "naive-regex", PACK, corpus], "naive.out")

    by = {t["name"]: t for t in tools}
    rg = by["rg -F -c -j1 -f terms.txt"]
    one = by["assay check, 1 core (3,000 terms + 100 regexes)"]

    # ---- probes -------------------------------------------------------------------------------------
    sys.stderr.write("  probes: load, latency, regex stage\n")
    load = kv(subprocess.run([bench_bin, "load", PACK, "7"], capture_output=True, text=True, cwd=ROOT, check=True).stdout)
    lat = kv(subprocess.run([bench_bin, "latency", PACK, corpus, str(args.latency_n)], capture_output=True, text=True,
                            cwd=ROOT, check=True).stdout)
    stage = kv(subprocess.run([bench_bin, "regex-stage", PACK, corpus, "20000"], capture_output=True, text=True,
                              cwd=ROOT, check=True).stdout)
    callgrind = None
    if not args.no_callgrind:
        sys.stderr.write("  probe: callgrind over bench/out/corpus-1.jsonl\n")
        env = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1")
        proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + check
                              + one_core + ["--rules", PACK, small], capture_output=True, text=True, cwd=ROOT, env=env)
        m = re.search(r"Collected : (\d+)", proc.stderr)
        callgrind = int(m.group(1)) if m else None
        if callgrind is None:
            notes.append("callgrind did not report a total: " + proc.stderr.strip().splitlines()[-1:][0] if proc.stderr else "")

    # ---- cross-checks -------------------------------------------------------------------------------
    failures = []
    rg_lines = int(open(rg["out"]).read().strip() or 0)
    ac = kv(open(by["ahocorasick_rs (Python, bytes, DFA)"]["out"]).read())
    naive = kv(open(by["naive PCRE2 JIT loop (100 regexes × every field)"]["out"]).read())
    a1 = assay_records(one["out"])
    at = assay_records(by["assay check, terms pack only (3,000 terms)"]["out"])
    ar = assay_records(by["assay check, regex pack only (100 regexes)"]["out"])
    checks = []

    def compare(what, left, right, expect_equal, why):
        ok = left == right
        checks.append((what, left, right, ("equal" if ok else "differ") + ("" if expect_equal else " (expected)"), why))
        if expect_equal and not ok:
            failures.append(what)

    compare("lines with ≥1 term: rg vs ahocorasick_rs", rg_lines, int(ac["lines"]), True,
            "same semantics: raw bytes, case-sensitive, anywhere in the line")
    if not args.no_emulate:
        sys.stderr.write("  cross-check: Assay-semantics recount in Python (not timed)\n")
        emu = json.loads(subprocess.run([venv_python, "bench/ac_count.py", "emulate", PACK, corpus], capture_output=True,
                                        text=True, cwd=ROOT, check=True).stdout)
        compare("records with a term violation: Assay vs Python recount", len(a1["terms"]), emu["any"], True,
                "ac_count.py emulate: same fields, normalisation and whole-word rule as Assay")
        compare("… CJK-term rules only", len(a1["cjk"]), emu["cjk"], True, "")
        compare("… English-term rules only", len(a1["en"]), emu["en"], True, "")
    compare("records with a term violation: Assay vs rg lines", len(a1["terms"]), rg_lines, False,
            "Assay also sees traditional, separated and differently-cased terms; rg also matches English terms "
            "inside longer words (`replica rolexes`)")
    compare("term-rule records: full pack vs terms pack alone", len(a1["terms"]), len(at["terms"]), True,
            "the regex rules must not change term results")
    compare("regex-rule records: full pack vs regex pack alone", len(a1["regex"]), len(ar["regex"]), True, "")
    if has_jobs:
        a2 = assay_records(by["assay check --jobs 2"]["out"])
        compare("violations: --jobs 2 vs 1 core", a2["violations"], a1["violations"], True, "same records, same rules")
    compare("records with a regex match: naive PCRE2 (raw text, no validation) vs Assay regex rules",
            int(naive["records_matched"]), len(a1["regex"]), False,
            "the naive loop matches raw text and does not validate checksums; Assay matches normalised text "
            "and drops PII that fails its validator")

    # ---- report -------------------------------------------------------------------------------------
    def speed(t):
        return mb / t["median"]

    rows = []
    for t in tools:
        rows.append(f"| {t['name']} | {t['median']:.3f} | {speed(t):,.1f} | {rg['median'] / t['median']:.3f}× | "
                    f"{t['rss']:,.0f} | {' '.join(f'{w:.2f}' for w in t['walls'])} |")
    targets = [
        ("end to end, one core, vs `rg -F -c -j1`", f"{rg['median'] / one['median']:.3f}× rg's speed "
         f"({speed(one):.1f} vs {speed(rg):.1f} MB/s)"),
    ]
    if has_jobs:
        two = by["assay check --jobs 2"]
        targets.append(("two cores vs one core", f"{one['median'] / two['median']:.2f}×"))
    else:
        targets.append(("two cores vs one core", "skipped: no `--jobs` flag in this build"))
    nv = by["naive PCRE2 JIT loop (100 regexes × every field)"]
    rx = by["assay check, regex pack only (100 regexes)"]
    targets += [
        ("regex stage vs naive per-regex PCRE2 JIT loop", f"{nv['median'] / rx['median']:.2f}× "
         f"(assay regex pack only {speed(rx):.1f} MB/s vs naive {speed(nv):.1f} MB/s; both parse the JSON)"),
        ("regex stage alone vs naive loop (records parsed up front; Assay's side includes normalisation)",
         f"{stage.get('ratio', '?')}× (naive {stage.get('naive_s', '?')} s, assay {stage.get('assay_s', '?')} s over "
         f"{stage.get('records', '?')} records, best of 3)"),
        ("term stage vs `rg -F -c -j1`", f"{rg['median'] / by['assay check, terms pack only (3,000 terms)']['median']:.3f}× "
         "rg's speed (assay terms pack only)"),
        ("rule load (3,000 terms + 100 regexes: parse, check, compile)", f"{load.get('median_ms', '?')} ms median of "
         f"{load.get('runs', '?')} (min {load.get('min_ms', '?')}, max {load.get('max_ms', '?')})"),
        (f"peak RSS, end to end, {mb_label} MB", f"{one['rss']:.0f} MB (rg {rg['rss']:.0f} MB)"),
        ("single-listing check latency (library, packs loaded)", f"p50 {lat.get('p50_us', '?')} µs, p90 {lat.get('p90_us', '?')} µs, "
         f"p99 {lat.get('p99_us', '?')} µs, max {lat.get('max_us', '?')} µs over {lat.get('records', '?')} records"),
        ("callgrind instructions, `assay check` over corpus-1 (1 MB)",
         f"{callgrind:,}" if callgrind else "not measured"),
    ]
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    ac_version = sh(venv_python + " -c 'import importlib.metadata as m; print(m.version(\"ahocorasick_rs\"))'")
    rev = sh("git rev-parse --short HEAD") + (" (dirty)" if sh("git status --porcelain -- Sources Package.swift") else "")
    lines = [
        f"### {mb_label} MB corpus — {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        "",
        f"- command: `bench/run.sh {'--corpus ' + corpus if args.corpus else '--mb ' + mb_label}"
        f"{' --seed ' + str(args.seed) if args.seed != 1 and not args.corpus else ''} --runs {args.runs}"
        f"{' --no-callgrind' if args.no_callgrind else ''}{' --no-emulate' if args.no_emulate else ''}`; corpus `{corpus}` "
        f"({size:,} bytes, {records:,} records, {origin}); pack `bench/pack` (3,000 terms, 100 regexes)",
        f"- machine: {sh('nproc')} cores, {cpu}, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB; "
        f"{platform.system()} {platform.release()}",
        f"- git {rev}; {sh('swift --version 2>&1 | head -1')}; {sh('rg --version | head -1')}; "
        f"PCRE2 {sh('pkg-config --modversion libpcre2-8')}; Python {platform.python_version()}, "
        f"ahocorasick_rs {ac_version}; "
        f"{sh('valgrind --version') if callgrind else ''}",
        "",
        "| target | measured |",
        "|---|---|",
    ] + [f"| {a} | {b} |" for a, b in targets] + [
        "",
        f"| tool | median s | MB/s | speed vs rg | peak RSS MB | runs (s) |",
        "|---|---:|---:|---:|---:|---|",
    ] + rows + [
        "",
        "| cross-check | left | right | result | why |",
        "|---|---:|---:|---|---|",
    ] + [f"| {w} | {l:,} | {r:,} | {res} | {why} |" for w, l, r, res, why in checks] + [
        "",
        f"Naive loop: {naive.get('matches')} raw matches in {naive.get('records_matched')} records; Assay full pack: "
        f"{a1['violations']:,} violations, {len(a1['terms']):,} records with a term violation, "
        f"{len(a1['regex']):,} with a regex violation.",
    ] + [f"\nNote: {n}" for n in notes if n]
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    for name in ("latest.md", f"latest-{label}.md"):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(report)
    if failures:
        sys.stderr.write("bench.py: counts disagree: " + "; ".join(failures) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
