#!/usr/bin/env python3
"""Aho-Corasick peer and count cross-checks for the Assay benchmark (needs `ahocorasick_rs`).

    ac_count.py raw TERMS CORPUS
        The peer that is timed: how many lines of CORPUS contain at least one of the terms (one per line
        in TERMS), as raw bytes, case-sensitive — exactly what `rg -F -c -f TERMS CORPUS` counts. One
        DFA (`BytesAhoCorasick`, Implementation.DFA) runs over the file in 8 MiB chunks cut at newlines;
        a match never spans a newline (terms have none), so a line with an occurrence always yields at
        least one leftmost non-overlapping match. Prints `lines=N bytes=B seconds=S`.

    ac_count.py emulate PACKDIR CORPUS
        Not timed: counts the records Assay should flag with the pack's term rules, by re-implementing the
        parts of Assay's matching the corpus exercises, so Assay's own count can be checked exactly. Per
        record, each string in title, description, bullets[] and tags[] is normalised — zero-width
        characters dropped, NFKC per character, lower case, traditional→simplified for the characters
        gen_corpus.py writes in traditional form, and runs of one to three separators between two CJK
        ideographs removed — then searched for every term (overlapping matches); an English-edged match
        must be a whole word (no letter or digit on an English edge). Prints JSON:
        {"records", "any", "cjk", "en"} — records with a match of any term / a CJK term / an English term.
"""
import json
import os
import sys
import time
import unicodedata

import ahocorasick_rs

CHUNK = 8 << 20


def raw(terms_path, corpus_path):
    with open(terms_path, "rb") as f:
        terms = [line.rstrip(b"\n") for line in f if line.strip()]
    start = time.perf_counter()
    ac = ahocorasick_rs.BytesAhoCorasick(terms, implementation=ahocorasick_rs.Implementation.DFA)
    lines = 0
    total = 0
    with open(corpus_path, "rb") as f:
        carry = b""
        while True:
            block = f.read(CHUNK)
            data = carry + block
            if not block:
                chunk, carry = data, b""
            else:
                cut = data.rfind(b"\n") + 1
                chunk, carry = data[:cut], data[cut:]
            total += len(chunk)
            if chunk:
                line = 0
                last_line = -1
                last_pos = 0
                for _, s, _ in ac.find_matches_as_indexes(chunk):
                    line += chunk.count(b"\n", last_pos, s)
                    last_pos = s
                    if line != last_line:
                        lines += 1
                        last_line = line
            if not block:
                break
    seconds = time.perf_counter() - start
    print(f"lines={lines} bytes={total} seconds={seconds:.3f}")


# --- emulation of Assay's normalisation and term matching (see the module docstring) -----------------

INVISIBLE = set(range(0x200B, 0x2010)) | set(range(0x2060, 0x2065)) | {0xFEFF, 0x00AD, 0x180E} | set(range(0xFE00, 0xFE10))
ASCII_SEPARATORS = set(" \t*-_.~|/\\+#@^='\"`")
OTHER_SEPARATORS = {"\u3000", "\u30fb", "\u2022", "\u2027", "\u00b7"}


def is_separator(c):
    return c in ASCII_SEPARATORS or c in OTHER_SEPARATORS


def is_cjk_ideograph(c):
    v = ord(c)
    return 0x3400 <= v <= 0x9FFF or 0xF900 <= v <= 0xFAFF or 0x20000 <= v <= 0x3FFFF or v == 0x3007


def is_cjk_like(c):
    v = ord(c)
    return (0x1100 <= v <= 0x11FF or 0x2E80 <= v <= 0x9FFF or 0xA960 <= v <= 0xA97F or 0xAC00 <= v <= 0xD7FF
            or 0xF900 <= v <= 0xFAFF or 0xFF66 <= v <= 0xFF9F or 0x20000 <= v <= 0x3FFFF)


def is_word(c):
    if c < "\x80":
        return c.isalnum()
    return not is_cjk_like(c) and (c.isalpha() or unicodedata.decimal(c, None) is not None)


def normalise(text, t2s):
    chars = []
    for c in text:
        if ord(c) in INVISIBLE:
            continue
        for d in unicodedata.normalize("NFKC", c).lower():
            chars.append(t2s.get(d, d))
    out = []
    i = 0
    n = len(chars)
    while i < n:
        c = chars[i]
        if is_separator(c) and out and is_cjk_ideograph(out[-1]):
            j = i
            while j < n and is_separator(chars[j]):
                j += 1
            if j - i <= 3 and j < n and is_cjk_ideograph(chars[j]):
                i = j
                continue
        out.append(c)
        i += 1
    return "".join(out)


def emulate(pack_dir, corpus_path):
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import gen_corpus  # the traditional characters the corpus uses

    def read_terms(name):
        with open(os.path.join(pack_dir, name), encoding="utf-8") as f:
            return [line.rstrip("\n") for line in f if line.strip()]

    cjk_terms, en_terms = read_terms("terms-cjk.txt"), read_terms("terms-en.txt")
    terms = cjk_terms + en_terms
    n_cjk = len(cjk_terms)
    edges = [(is_word(t[0]), is_word(t[-1])) for t in terms]
    ac = ahocorasick_rs.AhoCorasick(terms)
    counts = {"records": 0, "any": 0, "cjk": 0, "en": 0}
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            counts["records"] += 1
            texts = []
            for key in ("title", "description", "bullets", "tags"):
                value = record.get(key)
                if isinstance(value, str):
                    texts.append(value)
                elif isinstance(value, list):
                    texts.extend(v for v in value if isinstance(v, str))
            hit_cjk = hit_en = False
            for text in texts:
                norm = normalise(text, gen_corpus.T2S)
                for index, s, e in ac.find_matches_as_indexes(norm, overlapping=True):
                    word_start, word_end = edges[index]
                    if word_start and s > 0 and is_word(norm[s - 1]):
                        continue
                    if word_end and e < len(norm) and is_word(norm[e]):
                        continue
                    if index < n_cjk:
                        hit_cjk = True
                    else:
                        hit_en = True
            counts["any"] += hit_cjk or hit_en
            counts["cjk"] += hit_cjk
            counts["en"] += hit_en
    print(json.dumps(counts))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "raw":
        raw(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "emulate":
        emulate(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
