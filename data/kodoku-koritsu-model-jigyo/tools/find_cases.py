#!/usr/bin/env python3
"""Find the case headers in the report text.

Every case opens with a title line, a lead line "<legal form> <name>（<prefecture><municipality>）"
and then "１ 取組の背景と目的". The text needs NFKC first: one case's header is written in
Kangxi-radical code points (⽬ for 目) and only matches after normalisation. A bare
"取組の背景と目的" without the section number sits inside another case's pages and opens no case.

Prints one tab-separated line per case: number, title line(s), lead line, lead text, title text.
Usage: python3 tools/find_cases.py [path-to-report]
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "..", "shared", "seeds", "000_1143c6004f43cb1f.txt")
LEAD = re.compile(r"[（(](?:.+?[都道府県])?.+?[市区町村郡][）)]\s*$")


def find_cases(path):
    lines = [unicodedata.normalize("NFKC", l.rstrip("\n")) for l in open(path, encoding="utf-8")]
    cases = []
    for i, line in enumerate(lines):
        if not re.fullmatch(r"\s*1\s*取組の背景と目的\s*", line):
            continue
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if not LEAD.search(lines[j]):
            raise SystemExit(f"{path}:{j + 1}: expected a lead line above line {i + 1}")
        lead = j
        t = lead - 1
        while t >= 0 and not lines[t].strip():
            t -= 1
        title_lines = [t]
        # A title that runs over two lines: the title's first line starts with a space (as every
        # title line does) and the continuation does not.
        if t >= 1 and lines[t - 1].startswith(" ") and lines[t - 1].strip() and not lines[t].startswith(" "):
            title_lines = [t - 1, t]
        title = "".join(lines[k].strip() for k in title_lines)
        cases.append((len(cases) + 1, [k + 1 for k in title_lines], lead + 1, lines[lead].strip(), title))
    return cases


if __name__ == "__main__":
    for number, tl, ll, lead, title in find_cases(sys.argv[1] if len(sys.argv) > 1 else DEFAULT):
        print(f"{number:02d}\t{';'.join(map(str, tl))}\t{ll}\t{lead}\t{title}")
