#!/usr/bin/env python3
"""Build the seed report's glyph map from the repairs the seed dataset already established.

The hand-made dataset (data/kodoku-koritsu-model-jigyo) records each repair of garbled text in the
`note` column of cases/NN.csv and in its README ("ૣක = 福祉", "保育ୱ=保育園", "ቻ理ઇ育৩会 = 亘理町教育委員会").
Every such "garbled = repaired" pair is aligned character by character (difflib, after NFKC); an
unequal stretch of the same length maps code point to code point, a stretch of one or two code points
of an Indic or Ethiopic block maps to a single kanji, and a code point with no such reading that
stands for two characters maps to both (ୢ = 医療). Stretches of other lengths (a dropped character)
teach nothing. Each wrong code point takes the text most pairs give it (ties: the first seen); a code
point that also occurs in the dataset's repaired names is a real character and is never mapped.

Writes data/profiles/kodoku-koritsu-2023-glyphs.yaml (or the path given) and prints counts.
Usage: python3 data/profiles/build_glyph_map.py [--check] [OUT]
"""
import csv
import difflib
import glob
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "kodoku-koritsu-model-jigyo")
OUT = os.path.join(HERE, "kodoku-koritsu-2023-glyphs.yaml")
PAIR = re.compile(r"([^\s=（()）;；,，、:：「」→/]+)\s*=\s*([^\s=（()）;；,，、:：「」→/]+)")


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def indic(c):
    v = ord(c)
    return 0x0900 <= v <= 0x0DFF or 0x1200 <= v <= 0x139F


def units(text):
    """Code points grouped into units: a base and the nukta after it (ড় is one unit)."""
    out = []
    for c in text:
        if out and "NUKTA" in unicodedata.name(c, ""):
            out[-1] += c
        else:
            out.append(c)
    return out


def suspect(unit):
    """A unit that may be a wrong glyph: not ASCII, not kana, not punctuation."""
    c = unit[0]
    if ord(c) < 0x80 or 0x3040 <= ord(c) <= 0x30FF or unicodedata.category(c)[0] in "PZS":
        return False
    return True


def texts():
    for path in sorted(glob.glob(os.path.join(DATA, "cases", "*.csv"))):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                yield row.get("note") or ""
    with open(os.path.join(DATA, "README.md"), encoding="utf-8") as f:
        yield from f


def real_characters():
    chars = set()
    for name in ("organizations.csv", "projects.csv"):
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for k in ("name", "aliases", "title", "prefecture", "municipality"):
                    chars.update(nfkc(row.get(k) or ""))
    return chars


def build():
    real = real_characters()
    votes = OrderedDict()
    pairs_of_two = OrderedDict()
    pairs = 0
    for text in texts():
        for left, right in PAIR.findall(nfkc(text)):
            if not any(c not in right and c not in real for c in left):
                continue
            pairs += 1
            left = units(left)
            sm = difflib.SequenceMatcher(a=left, b=list(right), autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op != "replace":
                    continue
                a, b = left[i1:i2], right[j1:j2]
                if len(a) == 1 and len(b) == 2 and suspect(a[0]) and not any(c in real for c in a[0]) \
                        and all(not unicodedata.category(c).startswith("P") for c in b):
                    pairs_of_two.setdefault(a[0], Counter())[b] += 1
                if len(a) != len(b):
                    continue
                for k, v in zip(a, b):
                    if k == v or any(c in real for c in k) or not suspect(k) or unicodedata.category(v[0]).startswith("P"):
                        continue
                    votes.setdefault(k, Counter())[v] += 1
    learned = {k: votes[k].most_common(1)[0][0] for k in votes}
    # A code point no one-to-one repair explains that stands for two characters (ୢ = 医療): the
    # font drew them as one glyph, or dropped one beside it. Code points with a one-to-one reading
    # keep it (৩ = 員; 委員 there is 員 with 委 dropped).
    for k, c in pairs_of_two.items():
        if k not in learned:
            learned[k] = c.most_common(1)[0][0]
    learned.update(shifted_kana(learned, real))
    entries = OrderedDict()
    for k in sorted(learned, key=lambda s: [ord(c) for c in s]):
        entries[k] = learned[k]
    return pairs, entries


KANA = (range(0x3041, 0x3097), range(0x30A1, 0x30FB))  # ぁ … ゖ, ァ … ヺ


def shifted_kana(learned, real):
    """A font that encodes its kana at a constant offset (ム written as 嵈, U+5D48 = U+30E0 + 0x2C68;
    ぞ as 峈) shifts the whole syllabary: when at least three learned single code points map into
    one syllabary by one offset, every kana of it is mapped from its shifted code point, except code
    points that are real characters of the dataset's names (崎 of 宮崎, 島 of 福島 stay)."""
    extra = {}
    for block in KANA:
        offsets = Counter(ord(k) - ord(v) for k, v in learned.items()
                          if len(k) == 1 and len(v) == 1 and ord(v) in block and ord(k) > 0x3400)
        for offset, n in offsets.items():
            if n < 3:
                continue
            for c in block:
                k = chr(c + offset)
                if k not in learned and k not in real and k not in extra:
                    extra[k] = chr(c)
    return extra


def yaml_text(entries):
    out = ["# Glyph map of the seed report's fonts: wrong code point (after NFKC) -> intended text.",
           "# Generated by data/profiles/build_glyph_map.py from the repairs recorded in",
           "# data/kodoku-koritsu-model-jigyo (case notes and README); do not edit by hand."]
    for k, v in entries.items():
        key = "".join(f"\\u{ord(c):04X}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08X}" for c in k)
        out.append(f'"{key}": "{v}"  # {k}')
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--check"]
    path = args[0] if args else OUT
    pairs, entries = build()
    text = yaml_text(entries)
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                raise SystemExit(f"{path} is stale: run python3 data/profiles/build_glyph_map.py")
        print(f"{path}: up to date ({len(entries)} entries)")
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{pairs} repair pairs -> {len(entries)} glyph map entries in {path}")
