#!/usr/bin/env python3
"""Typeset gold articles as newspaper pages in PDF and extract their text with
a real extractor, to make test fixtures the segmenter meets as a newsroom
would: tests/fixtures/<set>/<name>.txt (pdftotext output, default reading
mode) and tests/fixtures/<set>/expected.json (what each page should yield).

Two sets, made with disjoint seeds: `pdf` (tuning: look at its failures) and
`pdf_heldout` (held out: only its score is read, to see whether rules tuned
on the first set carry over to layouts nobody looked at).

Run once when the fixtures need remaking (cargo test needs no Python):
    apt-get install -y poppler-utils fonts-wqy-zenhei
    pip install --break-system-packages reportlab
    python3 scripts/typeset_pdf_pages.py

How a page is made, and why. A newspaper page is a grid of columns; every
article is a rectangular block of one or more grid columns, its headline
(kicker, subheadline) set across the block and its body flowed down the
block's own columns. An earlier version of this script flowed all articles of
a page through one chain of page-high columns, so an article started half way
down a column and ran on into the next, and pdftotext then read the text of
one article into the middle of a sentence of another: an artefact of that
typesetter, not of newspapers (no paper threads unrelated articles through
one text frame). The blocks here are packed onto the page the way a make-up
editor fills it (each next article goes where the page is emptiest), and
pdftotext reads them in whatever order its own block analysis finds. Column
gutters are 6–7 mm: with gutters of 4–5 mm and neighbouring blocks on
different baselines, pdftotext reads alternate lines of two columns as one
block, which no rule working on the extracted text can undo.

Kept on purpose, because real pages have them: the running header (date ·
第N版 desk) and the editorial credits (责任编辑 X 校对 Y), placed at the top,
at the foot or beside the header, wherever pdftotext puts them in its reading
order; justified lines that the extractor spaces out character by character;
bylines spaced out or wrapped mid-name; punctuation wrapped onto its own line;
blank lines at column breaks; kickers on their own line, sometimes ending in
——; pages that set a wide article's headline beside its body, left or right
(pdftotext reads a headline on the right after the body; an earlier version
drew headlines under their body, which no paper prints); headlines exactly
as wide as the block; photos with an untitled caption whose byline is stuck to the
end of it.
"""

import io
import json
import os
import random
import subprocess
import sys
import tempfile

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A3
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph, Spacer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
EDITORS = ["李明", "王芳", "刘洋", "陈静", "杨帆", "赵磊"]
DESKS = ["要闻", "综合", "经济", "县域", "民生"]
# (fixture folder, seed offset, pages per gold file)
SETS = [("pdf", 0, 8), ("pdf_heldout", 500, 8)]
W, H = A3
MARGIN = 18 * mm
TOP = H - 26 * mm  # below the running header
BOTTOM = 18 * mm  # above the footer
GUTTER = 6 * mm  # set per page in make_page
VGAP = 6 * mm


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


class Piece:
    """One article, decided once; its flowables are made afresh for each
    trial fit (reportlab splits flowables in place)."""

    def __init__(self, g, rng):
        self.exp = {k: g.get(k) for k in ("file", "kind", "kicker", "headline", "subheadline")}
        self.exp.update(
            reporters=g["reporters"],
            correspondents=g["correspondents"],
            authors=g["authors"],
            body_text=g["body_text"],
        )
        self.photo = g["kind"] == "photo"
        self.head = []  # (style, text)
        if not self.photo:
            if g.get("kicker"):
                if rng.random() < 0.75:
                    self.head.append(("kicker", g["kicker"] + ("——" if rng.random() < 0.3 else "")))
                else:
                    self.exp["kicker"] = None
            if g.get("headline"):
                self.head.append(("head", g["headline"]))
            if g.get("subheadline"):
                self.head.append(("sub", g["subheadline"]))
        names = g["reporters"] or g["correspondents"] or g["authors"]
        paras = paragraphs(g["body_text"], rng)
        self.pre = []
        style = "lead"
        if self.photo:
            style = "photo"
        elif names:
            style = rng.choice(["lead", "marked", "dispatch"] + (["trailing"] if not g["authors"] else []))
        if style == "lead" and names:
            paras[0] = "本报讯（%s）%s" % (roles(g, "记者", "通讯员"), paras[0])
        elif style == "marked":
            self.pre.append("■ " + roles(g, "本报记者", "本报通讯员"))
        elif style == "dispatch":
            self.pre.append(roles(g, "记者", "通讯员") + " 聊城报道")
        elif style == "trailing":
            paras[-1] += "（%s）" % roles(g, "记者", "通讯员")
        elif style == "photo":
            paras[-1] += " ■ " + roles(g, "本报记者", "本报通讯员")
        self.paras = paras
        self.chars = len(g["body_text"])

    def heading(self, st, span):
        big = "head" if span > 1 else "head1"
        return [Paragraph(esc(t), st[big if s == "head" else s]) for s, t in self.head]

    def body(self, st):
        style = st["caption"] if self.photo else st["body"]
        return [Paragraph(esc(p), st["byline"]) for p in self.pre] + [Paragraph(esc(p), style) for p in self.paras]


def fill(frame, flows, canv):
    """Fill one frame from the front of `flows`, splitting a paragraph that
    does not fit; what is left stays in `flows`."""
    while flows:
        if frame.add(flows[0], canv, trySplit=1):
            flows.pop(0)
            continue
        parts = frame.split(flows[0], canv)
        if len(parts) < 2:
            return
        flows[0:1] = parts
        if frame.add(flows[0], canv, trySplit=1):
            flows.pop(0)
        return


def col_frames(x, y_top, span, cw, h):
    return [Frame(x + i * (cw + GUTTER), y_top - h, cw, h, 0, 0, 0, 0) for i in range(span)]


def body_height(piece, st, x, span, cw):
    """The least column height that takes the whole body in `span` columns."""
    scratch = Canvas(io.BytesIO())
    lo, hi = 10.0, TOP - BOTTOM
    if not fits(piece, st, x, span, cw, hi, scratch):
        return None
    while hi - lo > 2:
        mid = (lo + hi) / 2
        if fits(piece, st, x, span, cw, mid, scratch):
            hi = mid
        else:
            lo = mid
    return hi + 2


def fits(piece, st, x, span, cw, h, canv):
    flows = piece.body(st)
    for f in col_frames(x, TOP, span, cw, h):
        fill(f, flows, canv)
    return not flows


def heading_height(flows, width):
    return sum(f.wrap(width, H)[1] + f.getSpaceAfter() for f in flows)


def make_page(name, arts, seed, tmp):
    rng = random.Random(seed)
    grid = rng.choice([4, 5, 6])
    size = rng.choice([9, 9.5, 10, 10.5])
    # Some pages set a wide article's headline beside its body (in the
    # block's first or last grid column) instead of across its top; with
    # the headline on the right, pdftotext reads it after the body. (An
    # earlier version drew the headline under the body: no paper does.)
    side_heads = rng.random() < 0.3
    side_right = random.Random(seed * 7 + 1).random() < 0.5
    global GUTTER
    GUTTER = rng.choice([6, 6.5, 7]) * mm
    cw = (W - 2 * MARGIN - (grid - 1) * GUTTER) / grid
    body = dict(fontName="wqy", fontSize=size, leading=size * 1.5, wordWrap="CJK")
    st = {
        "body": ParagraphStyle("b", alignment=TA_JUSTIFY, firstLineIndent=2 * size, **body),
        "caption": ParagraphStyle("c", alignment=TA_JUSTIFY, firstLineIndent=2 * size, spaceBefore=1 * mm, **body),
        "byline": ParagraphStyle("y", alignment=TA_LEFT, **body),
        "head": ParagraphStyle("h", fontName="wqy", fontSize=size * 2.2, leading=size * 2.8, wordWrap="CJK",
                               alignment=TA_CENTER, spaceAfter=2 * mm),
        "head1": ParagraphStyle("h1", fontName="wqy", fontSize=size * 1.7, leading=size * 2.2, wordWrap="CJK",
                                alignment=TA_CENTER, spaceAfter=2 * mm),
        "kicker": ParagraphStyle("k", fontName="wqy", fontSize=size * 1.2, leading=size * 1.8, wordWrap="CJK",
                                 alignment=TA_CENTER),
        "sub": ParagraphStyle("s", fontName="wqy", fontSize=size * 1.3, leading=size * 1.9, wordWrap="CJK",
                              alignment=TA_CENTER, spaceAfter=2 * mm),
    }
    # Pack the blocks: each article takes a span of grid columns where the
    # page is emptiest (lowest skyline), leftmost on a tie.
    sky = [TOP] * grid
    placed, expected = [], []
    for g in arts:
        p = Piece(g, rng)
        want = 1 if p.chars < 350 else 2 if p.chars < 900 else 3
        span = max(1, min(grid, want + rng.choice([-1, 0, 0, 1])))
        best = None
        for s in sorted({span, max(1, span - 1), min(grid, span + 1)}, key=lambda s: abs(s - span)):
            for c in range(grid - s + 1):
                top = min(sky[c : c + s])
                x = MARGIN + c * (cw + GUTTER)
                bw = s * cw + (s - 1) * GUTTER
                side = side_heads and s >= 2 and bool(p.head)
                if side:
                    hh = heading_height(p.heading(st, 1), cw)
                    bh = body_height(p, st, x, s - 1, cw)
                else:
                    hh = heading_height(p.heading(st, s), bw)
                    bh = body_height(p, st, x, s, cw)
                photo_h = bw * 0.55 if p.photo else 0
                if bh is None:
                    continue
                total = photo_h + (max(hh, bh) if side else hh + bh)
                if top - total < BOTTOM:
                    continue
                if best is None or top > best[0] + 1:
                    best = (top, c, s, hh, photo_h, bh, side)
            if best:
                break
        if best is None:
            continue
        top, c, s, hh, photo_h, bh, side = best
        total = photo_h + (max(hh, bh) if side else hh + bh)
        for k in range(c, c + s):
            sky[k] = top - total - VGAP
        placed.append((p, top, c, s, hh, photo_h, bh, side))
        expected.append(p.exp)

    pdf = os.path.join(tmp, name + ".pdf")
    canv = Canvas(pdf, pagesize=A3)
    date = "%d年%d月%d日 星期%s" % (rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28),
                                 rng.choice("一二三四五六日"))
    header = "%s · 第%d版 %s" % (date, rng.randint(1, 12), rng.choice(DESKS))
    credit = "责任编辑 %s 校对 %s" % (rng.choice(EDITORS), rng.choice(EDITORS))
    canv.setFont("wqy", 9)
    canv.drawString(MARGIN, H - 14 * mm, header)
    canv.line(MARGIN, H - 17 * mm, W - MARGIN, H - 17 * mm)
    where = rng.choice(["foot-left", "foot-right", "head-right"])
    if where == "foot-left":
        canv.drawString(MARGIN, 10 * mm, credit)
    elif where == "foot-right":
        canv.drawRightString(W - MARGIN, 10 * mm, credit)
    else:
        canv.drawRightString(W - MARGIN, H - 14 * mm, credit)
    for p, top, c, s, hh, photo_h, bh, side in placed:
        x = MARGIN + c * (cw + GUTTER)
        bw = s * cw + (s - 1) * GUTTER
        y = top
        heads = p.heading(st, 1 if side else s)
        # A side headline takes one grid column; the body the others.
        hx, hw, bx, bs = x, bw, x, s
        if side:
            hw, bs = cw, s - 1
            if side_right:
                hx = x + (s - 1) * (cw + GUTTER)
            else:
                bx = x + cw + GUTTER

        def draw_heads(y):
            for f in heads:
                _, fh = f.wrap(hw, H)
                f.drawOn(canv, hx, y - fh)
                y -= fh + f.getSpaceAfter()
            return y

        if side:
            draw_heads(y)
        else:
            y = draw_heads(y)
        if photo_h:
            canv.setFillGray(0.8)
            canv.rect(x, y - photo_h, bw, photo_h, stroke=0, fill=1)
            canv.setFillGray(0)
            y -= photo_h
        flows = p.body(st)
        for f in col_frames(bx, y, bs, cw, bh):
            fill(f, flows, canv)
        assert not flows, name
    canv.showPage()
    canv.save()
    txt = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True).stdout.decode()
    layout = {"gutter_mm": round(GUTTER / mm, 1), "grid": grid, "font_size": size, "side_headlines": ("right" if side_right else "left") if side_heads else None, "credit": where}
    return txt, expected, layout


def main():
    pdfmetrics.registerFont(TTFont("wqy", FONT, subfontIndex=0))
    gold = json.load(open(os.path.join(ROOT, "tests", "fixtures", "gold", "articles.dev.json")))
    files = []
    for g in gold:
        if g["file"] not in files:
            files.append(g["file"])
    for folder, offset, per_file in SETS:
        out = os.path.join(ROOT, "tests", "fixtures", folder)
        os.makedirs(out, exist_ok=True)
        for old in os.listdir(out):
            if old.endswith(".txt"):
                os.remove(os.path.join(out, old))
        manifest = []
        with tempfile.TemporaryDirectory() as tmp:
            for fi, f in enumerate(files):
                arts = [g for g in gold if g["file"] == f]
                for k in range(per_file):
                    seed = 1000 * fi + offset + k
                    rng = random.Random(seed)
                    start = rng.randrange(len(arts))
                    take = rng.randint(max(2, len(arts) // 2), len(arts))
                    chosen = [arts[(start + i) % len(arts)] for i in range(take)]
                    name = "pdf_%s_%d" % (f[:3], k)
                    txt, expected, layout = make_page(name, chosen, seed, tmp)
                    with open(os.path.join(out, name + ".txt"), "w") as o:
                        o.write(txt)
                    manifest.append({"page": name + ".txt", "layout": layout, "articles": expected})
                    print(folder, name, layout, len(expected), "of", len(chosen), "articles", file=sys.stderr)
        with open(os.path.join(out, "expected.json"), "w") as o:
            json.dump(manifest, o, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
