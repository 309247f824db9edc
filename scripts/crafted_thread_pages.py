#!/usr/bin/env python3
"""Write pages crafted against the column rethreader (segment::threads) and
the splicer (segment::splices) to the directory given: hundreds of stories,
finished or broken off, that all share words with one later block, behind a
line of a million characters; and 20,000 broken seams none of which reads on.
Each must segment in about a second (`./x bench` times them); the finished
stories' search once took 253 s on such a page.

Usage: crafted_thread_pages.py OUT_DIR
"""
import os
import random
import sys

random.seed(1)
HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def rnd(n):
    return "".join(random.choice(HAN) for _ in range(n))


SHARED = rnd(60)  # the words every story shares with the later block


def stories_then_huge_line(end, huge):
    """399 stories ending in `end`, a host story, a huge line, the block."""
    out = []
    for i in range(399):
        out += [f"本报讯（记者 王{i}）" + SHARED[:40] + rnd(10) + end, ""]
    out += ["本报讯（记者 李四）" + rnd(20) + "。", "", rnd(huge) + "。", ""]
    out += [SHARED + "。", ""]
    return "\n".join(out)


def huge_broken_story(huge):
    """One story broken off after a huge line, then 399 candidate blocks."""
    out = ["本报讯（记者 王五）" + rnd(huge) + "，", ""]
    for i in range(399):
        out += [f"本报讯（记者 赵{i}）" + rnd(30) + "。", rnd(30) + "。", ""]
        out += [SHARED + "。", ""]
    return "\n".join(out)


def broken_seams(n):
    """One story of `n` full lines, each a block of its own broken off
    mid-sentence, none reading on: every seam is searched for a splice."""
    out = ["本报讯（记者 王五）" + rnd(20)]
    for _ in range(n):
        out += [rnd(20), ""]
    return "\n".join(out)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    pages = {
        "finished-stories.txt": stories_then_huge_line("。", 1_000_000),
        "broken-stories.txt": stories_then_huge_line("，", 1_000_000),
        "huge-broken-story.txt": huge_broken_story(1_000_000),
        "broken-seams.txt": broken_seams(20_000),
    }
    for name, text in pages.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
