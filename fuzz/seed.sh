#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<Target>/ from the repository's fixtures/ and rules/.
# Generated and git-ignored; safe to re-run (files are named by content hash, so nothing duplicates).
# Usage: fuzz/seed.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
exec python3 - "$repo" "$here/corpus" <<'PY'
import hashlib, json, os, re, sys, glob

repo, out = sys.argv[1], sys.argv[2]
counts = {}

def seed(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > 64 * 1024:          # keep seeds small; libFuzzer's -max_len stays fast
        data = data[: 64 * 1024]
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, hashlib.sha1(data).hexdigest())
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
        counts[target] = counts.get(target, 0) + 1

def read(path):
    with open(path, "rb") as f:
        return f.read()

fx = os.path.join(repo, "fixtures")
jsonl = sorted(glob.glob(f"{fx}/*.jsonl") + glob.glob(f"{fx}/malformed/*.jsonl"))
csvs = sorted(glob.glob(f"{fx}/*.csv") + glob.glob(f"{fx}/*/*.csv"))
xmls = sorted(glob.glob(f"{fx}/*.xml") + glob.glob(f"{fx}/*/*.xml"))
packs = sorted(glob.glob(f"{repo}/rules/**/*.assay", recursive=True))
vocab = sorted(glob.glob(f"{repo}/rules/**/*.txt", recursive=True))

# Texts people write: every string value in the JSON fixtures, CSV cells, feed elements.
texts = []
def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value: yield from strings(v)
    elif isinstance(value, dict):
        for v in value.values(): yield from strings(v)
for path in jsonl:
    for line in read(path).splitlines():
        try:
            texts.extend(s for s in strings(json.loads(line)) if len(s) > 3)
        except Exception:
            pass
try:
    texts.extend(s for s in strings(json.loads(read(f"{fx}/products.json"))) if len(s) > 3)
except Exception:
    pass
import csv, io
for path in csvs:
    try:
        for row in csv.reader(io.StringIO(read(path).decode("utf-8-sig"))):
            texts.extend(c for c in row if len(c) > 3)
    except Exception:
        pass
for path in xmls:
    texts.extend(m for m in re.findall(r">([^<>]{4,})<", read(path).decode("utf-8", "replace")))
    texts.extend(re.findall(r"<!\[CDATA\[(.*?)\]\]>", read(path).decode("utf-8", "replace"), re.S))
texts = sorted(set(texts))

# FuzzRuleFile: whole packs, and each top-level block of each pack on its own.
for path in packs:
    text = read(path).decode("utf-8")
    seed("FuzzRuleFile", text)
    header = re.match(r"(?s)(.*?pack\s+\S+\s*\{)", text)
    for block in re.findall(r"(?ms)^  (?:rule|vocabulary|table|reference|regex)\b.*?^  \}", text):
        if header:
            seed("FuzzRuleFile", header.group(1) + "\n" + block + "\n}\n")

# FuzzJSONLines and FuzzCheck: whole files and single lines.
for path in jsonl + [f"{fx}/products.json"]:
    data = read(path)
    seed("FuzzJSONLines", data)
    seed("FuzzCheck", data)
    for line in data.splitlines():
        if line.strip():
            seed("FuzzJSONLines", line + b"\n")
            seed("FuzzCheck", line + b"\n")
seed("FuzzJSONLines", b'{"a":[1,-2.5e3,true,false,null,"\\u00e9\\ud83d\\ude00"],"b":{}}\n\n\xef\xbb\xbf{"x":1}\r\n')
seed("FuzzJSONLines", b"[" * 600 + b"]" * 600 + b"\n")
seed("FuzzCheck", b'{"kind":"post","id":"p","text":"\xe6\x9c\x80 \xe4\xbd\xb3 \xef\xbc\xae\xef\xbc\xaf\xef\xbc\x8e\xef\xbc\x91"}\n{"kind":"x"}\nnot json\n')

# FuzzCSV: every CSV fixture.
for path in csvs:
    seed("FuzzCSV", read(path))
seed("FuzzCSV", b'\xef\xbb\xbfa,"b ""q"", c"\r\n1,"2\n3",4\r\n"unterminated\n')

# FuzzFeed: every XML fixture, the gzip one, and XXE seeds naming files whose content must never appear.
for path in xmls + sorted(glob.glob(f"{fx}/**/*.xml.gz", recursive=True)):
    seed("FuzzFeed", read(path))
for target in ["file:///tmp/assay-fuzz-secret.txt", "/tmp/assay-fuzz-secret.txt", "file:///etc/passwd"]:
    seed("FuzzFeed", f'''<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{target}">]>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>1</g:id><title>&xxe;</title></item></channel></rss>
''')
    seed("FuzzFeed", f'''<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % p SYSTEM "{target}"> %p;]>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>1</g:id><title>t</title></item></channel></rss>
''')
seed("FuzzFeed", '''<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///tmp/assay-fuzz-secret.txt">
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0"><entry><g:id>a</g:id><title>x</title><g:shipping><g:country>CN</g:country></g:shipping></entry></feed>
''')

# FuzzHTML: texts that hold markup, plus a few hand-written hidden-text cases.
for text in texts:
    if "<" in text:
        seed("FuzzHTML", text)
seed("FuzzHTML", '<p>可见<span style="display:none">隐藏</span><img alt="最佳" title="国家级"><!-- c --><div hidden>h</div>&nbsp;&#x6700;</p>')
seed("FuzzHTML", '<script>x</script><style>y</style><font style="font-size:0">z</font><b>visibility:hidden</b>')

# FuzzNormalizer: terms (a vocabulary's lines) + blank line + a text.
terms_by_file = []
for path in vocab:
    lines = [l.strip() for l in read(path).decode("utf-8").splitlines()]
    terms_by_file.append([l for l in lines if l and not l.startswith("#")])
for i, text in enumerate(texts):
    if len(text.encode()) > 2000:
        continue
    terms = terms_by_file[i % len(terms_by_file)] if terms_by_file else []
    seed("FuzzNormalizer", "\n".join(terms[(i * 7) % max(1, len(terms)):][:24]) + "\n\n" + text)
seed("FuzzNormalizer", "最佳\n国家级\nno.1\n138 0013 8000\n\n最 * 佳 ＮＯ．１ 國家級 一三八零零一三八零零零 最\u200b佳 Ｃосо")

# FuzzRegex: each rule regex as the pattern, with fixture texts as subjects.
regexes = []
for path in packs:
    regexes += re.findall(r'regex\(r"((?:[^"\\]|\\.)*)"\)', read(path).decode("utf-8"))
for i, pattern in enumerate(sorted(set(regexes))):
    for text in texts[i % max(1, len(texts)):][:3]:
        seed("FuzzRegex", pattern + "\n" + text)
seed("FuzzRegex", "(a+)+$\n" + "a" * 40 + "!")
seed("FuzzRegex", "(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}\n电话 138 0013 8000 ".encode() + b"\xff\xfe\xe6\x9c end")
seed("FuzzRegex", "\n")

# The adversarial/ fixture set (hostile inputs and rule files), where present, by kind.
adv = os.path.join(repo, "adversarial")
for path in sorted(glob.glob(f"{adv}/inputs/*")):
    if not os.path.isfile(path):
        continue
    data, name = read(path), os.path.basename(path)
    for suffix, targets in [(".jsonl", ["FuzzJSONLines", "FuzzCheck"]), (".json", ["FuzzJSONLines"]),
                            (".csv", ["FuzzCSV"]), (".xml", ["FuzzFeed"]), (".xml.gz", ["FuzzFeed"])]:
        if name.endswith(suffix):
            for target in targets:
                seed(target, data)
for path in sorted(glob.glob(f"{adv}/rules/*.assay")):
    seed("FuzzRuleFile", read(path))
# Vocabulary files: FuzzRuleFile reads the raw bytes after `#~` on each line as the file's lines.
for path in sorted(glob.glob(f"{adv}/rules/*.txt")) + vocab[:2]:
    if os.path.isfile(path):
        lines = read(path).split(b"\n")[:40]
        seed("FuzzRuleFile", read(f"{adv}/rules/vocabulary-invalid-utf8.assay") + b"".join(b"#~" + l + b"\n" for l in lines))

for target in sorted(counts):
    print(f"{target}: {counts[target]} new seeds")
total = {t: len(os.listdir(os.path.join(out, t))) for t in sorted(os.listdir(out))} if os.path.isdir(out) else {}
print("corpus sizes:", ", ".join(f"{t} {n}" for t, n in total.items()))
PY
