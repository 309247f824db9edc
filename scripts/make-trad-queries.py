#!/usr/bin/env python3
"""Traditional-script test queries made by an outside converter (OpenCC).

Cuts random runs of 2-8 Han characters out of the bundled corpus's articles
(seeded, so the output is reproducible) and writes each in traditional script
with OpenCC's s2t, s2tw and s2hk configurations. The CLI test
`traditional_queries_from_opencc_find_their_articles` checks that every one
finds its article. Regenerate after changing the corpus:

    pip install opencc
    cargo run -p baoku-cli --bin baoku -- export corpus > /tmp/articles.ndjson
    python3 scripts/make-trad-queries.py /tmp/articles.ndjson > tests/fixtures/trad-queries.json
"""
import json
import random
import re
import sys

import opencc

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")


def main(path):
    rng = random.Random(20261123)
    articles = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    convs = {c: opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")}
    out = []
    while len(out) < 90:
        a = rng.choice(articles)
        paras = a.get("paragraphs") or []
        if not paras:
            continue
        # Within one paragraph: a run across a paragraph break depends on
        # where the segmenter breaks paragraphs.
        text = re.sub(r"\s+", "", rng.choice(paras))
        runs = HAN.findall(text)
        if not runs:
            continue
        run = rng.choice(runs)
        n = rng.randint(2, min(8, len(run)))
        s = rng.randint(0, len(run) - n)
        simp = run[s : s + n]
        for name, c in convs.items():
            trad = c.convert(simp)
            if trad != simp:
                out.append({"query": trad, "config": name, "simplified": simp, "id": a["id"]})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=0)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
