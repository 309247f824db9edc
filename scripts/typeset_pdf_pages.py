#!/usr/bin/env python3
"""Typeset gold articles as multi-column newspaper PDFs and extract their text
with a real extractor, to make test fixtures the segmenter meets as a newsroom
would: tests/fixtures/pdf/<name>.txt (pdftotext output) and
tests/fixtures/pdf/expected.json (what each page should yield).

Run once when the fixtures need remaking (cargo test needs no Python):
    apt-get install -y poppler-utils fonts-wqy-zenhei
    pip install --break-system-packages reportlab
    python3 scripts/typeset_pdf_pages.py
"""

import json
import os
import random
import re
import subprocess
import sys
import tempfile

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_CENTER
from reportlab.lib.pagesizes import A3
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
OUT = os.path.join(ROOT, "tests", "fixtures", "pdf")
EDITORS = ["李明", "王芳", "刘洋", "陈静", "杨帆", "赵磊"]
DESKS = ["要闻", "综合", "经济", "县域", "民生"]


def sentences(body):
    out, cur = [], ""
    i = 0
    while i < len(body):
        cur += body[i]
        if body[i] in "。！？；":
            while i + 1 < len(body) and body[i + 1] in "”’）」":
                i += 1
                cur += body[i]
            out.append(cur)
            cur = ""
        i += 1
    if cur:
        out.append(cur)
    return out


def paragraphs(body, rng):
    s = sentences(body)
    out, i = [], 0
    while i < len(s):
        k = rng.randint(1, 4)
        out.append("".join(s[i : i + k]))
        i += k
    return out or [""]


def roles(g, rep, cor):
    parts = list(g["authors"])
    if g["reporters"]:
        parts += [rep] + g["reporters"]
    if g["correspondents"]:
        parts += [cor] + g["correspondents"]
    return " ".join(parts)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def article_flow(g, rng, st, head_after):
    exp = {k: g.get(k) for k in ("file", "kind", "kicker", "headline", "subheadline")}
    exp.update(reporters=g["reporters"], correspondents=g["correspondents"], authors=g["authors"], body_text=g["body_text"])
    photo = g["kind"] == "photo"
    head = []
    if not photo:
        if g.get("kicker"):
            if rng.random() < 0.75:
                k = g["kicker"] + ("——" if rng.random() < 0.3 else "")
                head.append(Paragraph(esc(k), st["kicker"]))
            else:
                exp["kicker"] = None
        if g.get("headline"):
            head.append(Paragraph(esc(g["headline"]), st["head"]))
        if g.get("subheadline"):
            head.append(Paragraph(esc(g["subheadline"]), st["sub"]))
    names = g["reporters"] or g["correspondents"] or g["authors"]
    paras = paragraphs(g["body_text"], rng)
    pre = []
    style = "lead"
    if photo:
        style = "photo"
    elif names:
        style = rng.choice(["lead", "marked", "dispatch"] + (["trailing"] if not g["authors"] else []))
    if style == "lead" and names:
        paras[0] = "本报讯（%s）%s" % (roles(g, "记者", "通讯员"), paras[0])
    elif style == "marked":
        pre.append(Paragraph(esc("■ " + roles(g, "本报记者", "本报通讯员")), st["byline"]))
    elif style == "dispatch":
        pre.append(Paragraph(esc(roles(g, "记者", "通讯员") + " 聊城报道"), st["byline"]))
    elif style == "trailing":
        paras[-1] += "（%s）" % roles(g, "记者", "通讯员")
    elif style == "photo":
        paras[-1] += " ■ " + roles(g, "本报记者", "本报通讯员")
    body = pre + [Paragraph(esc(p), st["body"]) for p in paras]
    flow = (body + [Spacer(1, 3 * mm)] + head) if head_after else (head + body)
    return flow + [Spacer(1, 6 * mm)], exp


def make_page(name, arts, seed, tmp):
    rng = random.Random(seed)
    cols = rng.choice([2, 3, 4])
    size = rng.choice([9, 10, 11])
    head_after = rng.random() < 0.35
    st = {
        "body": ParagraphStyle("b", fontName="wqy", fontSize=size, leading=size * 1.5, wordWrap="CJK",
                               alignment=TA_JUSTIFY, firstLineIndent=2 * size),
        "head": ParagraphStyle("h", fontName="wqy", fontSize=size * 2, leading=size * 2.6, wordWrap="CJK",
                               alignment=TA_CENTER, spaceAfter=2 * mm),
        "kicker": ParagraphStyle("k", fontName="wqy", fontSize=size * 1.2, leading=size * 1.8, wordWrap="CJK",
                                 alignment=TA_CENTER),
        "sub": ParagraphStyle("s", fontName="wqy", fontSize=size * 1.3, leading=size * 1.9, wordWrap="CJK",
                              alignment=TA_CENTER, spaceAfter=2 * mm),
        "byline": ParagraphStyle("y", fontName="wqy", fontSize=size, leading=size * 1.6, wordWrap="CJK",
                                 alignment=TA_LEFT),
    }
    date = "%d年%d月%d日 星期%s" % (rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28), rng.choice("一二三四五六日"))
    page_no = rng.randint(1, 12)
    desk = rng.choice(DESKS)
    credit = "责任编辑 %s 校对 %s" % (rng.choice(EDITORS), rng.choice(EDITORS))

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("wqy", 9)
        w, h = A3
        canvas.drawString(20 * mm, h - 12 * mm, "%s · 第%d版 %s" % (date, page_no, desk))
        canvas.drawRightString(w - 20 * mm, 10 * mm, credit)
        canvas.restoreState()

    w, h = A3
    margin, gap = 20 * mm, 6 * mm
    cw = (w - 2 * margin - (cols - 1) * gap) / cols
    frames = [Frame(margin + i * (cw + gap), 18 * mm, cw, h - 40 * mm, id="c%d" % i) for i in range(cols)]
    pdf = os.path.join(tmp, name + ".pdf")
    doc = BaseDocTemplate(pdf, pagesize=A3, pageTemplates=[PageTemplate(frames=frames, onPage=furniture)])
    story, expected = [], []
    for g in arts:
        f, e = article_flow(g, rng, st, head_after)
        story += f
        expected.append(e)
    doc.build(story)
    txt = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True).stdout.decode()
    return txt, expected, {"columns": cols, "font_size": size, "headline_after_body": head_after}


def main():
    pdfmetrics.registerFont(TTFont("wqy", FONT, subfontIndex=0))
    gold = json.load(open(os.path.join(ROOT, "tests", "fixtures", "gold", "articles.dev.json")))
    files = []
    for g in gold:
        if g["file"] not in files:
            files.append(g["file"])
    os.makedirs(OUT, exist_ok=True)
    manifest = []
    with tempfile.TemporaryDirectory() as tmp:
        for fi, f in enumerate(files):
            arts = [g for g in gold if g["file"] == f]
            for k in range(4):
                rng = random.Random(1000 * fi + k)
                start = rng.randrange(len(arts))
                take = rng.randint(max(2, len(arts) // 2), len(arts))
                chosen = [arts[(start + i) % len(arts)] for i in range(take)]
                name = "pdf_%s_%d" % (f[:3], k)
                txt, expected, layout = make_page(name, chosen, 1000 * fi + k, tmp)
                with open(os.path.join(OUT, name + ".txt"), "w") as o:
                    o.write(txt)
                manifest.append({"page": name + ".txt", "layout": layout, "articles": expected})
                print(name, layout, len(expected), "articles", file=sys.stderr)
    with open(os.path.join(OUT, "expected.json"), "w") as o:
        json.dump(manifest, o, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
