#!/usr/bin/env python3
"""Writes ~1 GB inputs for the memory measurements in the README: DIR/big.jsonl and DIR/big-feed.xml.

usage: python3 scripts/make-big-inputs.py DIR [MEGABYTES]
Deterministic (fixed seed); built from the bundled fixtures plus filler text.
"""
import json, pathlib, random, sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp")
target = int(sys.argv[2] if len(sys.argv) > 2 else 1050) * 1_000_000
random.seed(7)
records = [json.loads(l) for name in ("listings", "posts", "merchants")
           for l in (root / "fixtures" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
filler = "这款产品采用优质材料，做工精细，适合日常使用。物流很快，包装完好，客服态度也很好。We ship worldwide with tracking. "
with open(out / "big.jsonl", "w", encoding="utf-8") as f:
    size = n = 0
    while size < target:
        r = dict(random.choice(records)); r["id"] = f"r{n}"
        for k in ("description", "text", "public_profile"):
            if k in r: r[k] = r[k] + filler * random.randint(1, 6)
        line = json.dumps(r, ensure_ascii=False) + "\n"
        f.write(line); size += len(line.encode()); n += 1
titles = ["玻尿酸保湿精华液 30ml", "全网销量第一 美白祛斑霜", "Classic leather tote bag", "Rolex Datejust 36mm 全新",
          "最佳赏味期 12 个月 挂耳咖啡", "Herbal sleep tea, 20 bags", "儿童纯棉T恤 110cm", "高仿 LV 老花包 一比一",
          "Stainless steel water bottle 750 ml", "国家级非遗 紫砂壶"]
desc = "<p>深层补水，温和不刺激。适合干性及混合性肌肤，早晚使用。</p><p>Hand-stitched, full-grain leather, ships in 2 days.</p>" * 3
with open(out / "big-feed.xml", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n<title>big</title>\n')
    size = n = 0
    while size < target:
        item = (f"<item>\n<g:id>B{n}</g:id>\n<title>{random.choice(titles)}</title>\n<description><![CDATA[{desc}]]></description>\n"
                f"<g:price>{random.randint(10, 9999)}.00 CNY</g:price>\n<g:brand>Brand{n % 50}</g:brand>\n"
                f"<g:shipping><g:country>CN</g:country></g:shipping>\n</item>\n")
        f.write(item); size += len(item.encode()); n += 1
    f.write("</channel>\n</rss>\n")
print(f"wrote {out / 'big.jsonl'} and {out / 'big-feed.xml'}")
