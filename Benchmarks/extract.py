#!/usr/bin/env python3
"""Quality and speed of `renkei extract` on the seed report, against the hand-made seed dataset.

    python3 Benchmarks/extract.py [--binary PATH] [--report PATH]

Runs `renkei extract` on shared/seeds/000_1143c6004f43cb1f.txt twice — with the seed report's glyph
map (data/profiles/kodoku-koritsu-2023-glyphs.yaml) and without it (NFKC only) — times each run,
and compares the sheet with data/kodoku-koritsu-model-jigyo. Each row goes to the case whose lines
hold its first 根拠行 (cases located by the dataset's tools/find_cases.py). Within a case, proposed
and hand-made partners are paired greedily by name similarity (after NFKC and without legal forms:
equal, one containing the other (3 characters or more), or character-bigram Dice >= 0.5, best first,
each used once). Figures:
  named recall     hand-made named partners paired with a proposal / hand-made named partners
  named precision  proposals the rulebook calls named that are paired / proposals called named
  generic recall   hand-made generic partners paired with a proposal / hand-made generic partners
  kind agreement   paired proposals whose 種別 equals the hand-made kind
  relation agreement  paired proposals sharing at least one relation with the hand-made ones
  status agreement    paired proposals with a status the hand-made partner has
A proposal is counted once per case and partner (its realised and planned rows are one proposal).
"""
import argparse
import csv
import io
import os
import subprocess
import sys
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data", "kodoku-koritsu-model-jigyo")
REPORT = os.path.join(ROOT, "..", "shared", "seeds", "000_1143c6004f43cb1f.txt")
GLYPHS = os.path.join(ROOT, "data", "profiles", "kodoku-koritsu-2023-glyphs.yaml")
FORMS = ["認定特定非営利活動法人", "特定非営利活動法人", "認定NPO法人", "NPO法人", "一般社団法人", "公益社団法人",
         "一般財団法人", "公益財団法人", "社会福祉法人", "株式会社", "合同会社", "有限会社", "医療法人", "学校法人",
         "生活協同組合"]

sys.path.insert(0, os.path.join(DATA, "tools"))
from find_cases import find_cases  # noqa: E402


def norm(name):
    s = unicodedata.normalize("NFKC", name).replace(" ", "")
    for f in FORMS:
        if s.startswith(f) and len(s) > len(f):
            s = s[len(f):]
        elif s.endswith(f) and len(s) > len(f):
            s = s[:-len(f)]
    return s.replace("社協", "社会福祉協議会")


def similarity(a, b):
    if a == b:
        return 1.0
    if min(len(a), len(b)) >= 3 and (a in b or b in a):
        return 0.9
    ba = {a[i:i + 2] for i in range(len(a) - 1)}
    bb = {b[i:i + 2] for i in range(len(b) - 1)}
    if not ba or not bb:
        return 0.0
    d = 2 * len(ba & bb) / (len(ba) + len(bb))
    return d if d >= 0.5 else 0.0


def truth():
    orgs = {r["id"]: r for r in csv.DictReader(open(os.path.join(DATA, "organizations.csv"), encoding="utf-8"))}
    partners = {}
    for r in csv.DictReader(open(os.path.join(DATA, "partnerships.csv"), encoding="utf-8")):
        p = partners.setdefault(int(r["project"][1:]), {})
        o = orgs[r["target"]]
        e = p.setdefault(r["target"], {"names": [norm(o["name"])] + [norm(a) for a in o["aliases"].split(";") if a],
                                       "kind": o["kind"], "generic": o["generic"] == "true",
                                       "relations": set(), "status": set()})
        e["relations"].update(x for x in r["relations"].split(";") if x)
        e["status"].add(r["status"])
    return partners


def run(binary, report, glyphs):
    out = os.path.join("/tmp", f"renkei-extract-bench-{os.getpid()}.csv")
    cmd = [binary, "extract", report, "--out", out] + (["--glyph-map", glyphs] if glyphs else [])
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    elapsed = time.perf_counter() - t
    with open(out, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    os.remove(out)
    return rows, elapsed


def evaluate(rows, starts, partners):
    proposals = {}
    for r in rows:
        line = int(r["根拠行"].split(";")[0])
        case = max((n for n, s in starts if s <= line), default=None)
        if case is None:
            continue
        key = (case, norm(r["連携先"]))
        p = proposals.setdefault(key, {"kind": r["種別"], "relations": set(), "status": set()})
        p["relations"].update(x for x in r["連携内容"].split(";") if x)
        p["status"].add(r["状態"])
    return proposals


def score(proposals, generic_of, partners):
    stats = dict(named=0, named_hit=0, generic=0, generic_hit=0, prop_named=0, prop_named_hit=0,
                 pairs=0, kind=0, rel=0, status=0)
    cases = sorted(set(partners) | {c for c, _ in proposals})
    for case in cases:
        truth_p = partners.get(case, {})
        props = [(name, p) for (c, name), p in proposals.items() if c == case]
        cands = []
        for tid, t in truth_p.items():
            for i, (name, p) in enumerate(props):
                s = max(similarity(name, n) for n in t["names"])
                if s > 0:
                    cands.append((-s, tid, i))
        cands.sort()
        used_t, used_p = set(), set()
        for s, tid, i in cands:
            if tid in used_t or i in used_p:
                continue
            used_t.add(tid)
            used_p.add(i)
            t, (name, p) = truth_p[tid], props[i]
            stats["pairs"] += 1
            stats["kind"] += p["kind"] == t["kind"]
            stats["rel"] += bool(p["relations"] & t["relations"])
            stats["status"] += bool(p["status"] & t["status"])
        for tid, t in truth_p.items():
            k = "generic" if t["generic"] else "named"
            stats[k] += 1
            stats[k + "_hit"] += tid in used_t
        for i, (name, p) in enumerate(props):
            if not generic_of.get((case, name), False):
                stats["prop_named"] += 1
                stats["prop_named_hit"] += i in used_p
    return stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "renkei"))
    ap.add_argument("--report", default=REPORT)
    a = ap.parse_args()
    if not os.path.exists(a.binary):
        raise SystemExit(f"{a.binary} not found: swift build -c release --product renkei (or pass --binary)")
    starts = [(n, tl[0]) for n, tl, _, _, _ in find_cases(a.report)]
    partners = truth()
    print("| glyph map | named recall | named precision | generic recall | kind agreement | relation agreement | status agreement | proposals | time s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, glyphs in (("on", GLYPHS), ("off", None)):
        rows, elapsed = run(a.binary, a.report, glyphs)
        proposals = evaluate(rows, starts, partners)
        generic_of = {}
        for r in rows:
            line = int(r["根拠行"].split(";")[0])
            case = max((n for n, s in starts if s <= line), default=None)
            generic_of[(case, norm(r["連携先"]))] = is_generic(r["連携先"])
        s = score(proposals, generic_of, partners)
        f = lambda x, y: f"{x / y:.2f}" if y else "—"
        print(f"| {label} | {f(s['named_hit'], s['named'])} ({s['named_hit']}/{s['named']}) "
              f"| {f(s['prop_named_hit'], s['prop_named'])} ({s['prop_named_hit']}/{s['prop_named']}) "
              f"| {f(s['generic_hit'], s['generic'])} ({s['generic_hit']}/{s['generic']}) "
              f"| {f(s['kind'], s['pairs'])} | {f(s['rel'], s['pairs'])} | {f(s['status'], s['pairs'])} "
              f"| {len(rows)} | {elapsed:.2f} |")


GENERIC_PREFIXES = ["地域の", "近隣の", "近くの", "近所の", "市内の", "区内の", "町内の", "村内の", "周辺の", "地元の",
                    "各", "両", "複数", "近隣", "地元", "周辺", "市内", "区内", "町内", "県内"]
TYPE_WORDS = {"保育園", "保育所", "幼稚園", "こども園", "小学校", "中学校", "小中学校", "高校", "高等学校", "大学", "短大",
              "学校", "病院", "クリニック", "地域包括支援センター", "保健センター", "保健所", "自治会", "町内会", "民生委員",
              "児童委員", "児童相談所", "教育委員会", "市役所", "区役所", "町役場", "村役場", "役場", "社会福祉協議会",
              "社協", "企業", "行政", "関係機関", "専門機関", "支援団体", "NPO", "商店会", "商店街", "老人クラブ",
              "子ども食堂", "こども食堂", "地域団体", "市民団体", "ボランティア", "弁護士", "司法書士", "社会福祉士",
              "市民センター", "公民館", "児童館", "児童会館"}


def is_generic(name):
    """The sheet has no generic column: a partner is generic when it is a bare type word or one with
    a generic qualifier, or ends in 等/など/関係者 (the rulebook's test, as documented)."""
    s = unicodedata.normalize("NFKC", name)
    if any(f in s for f in FORMS):
        return False
    if s in TYPE_WORDS or any(s.endswith(x) and len(s) > len(x) for x in ["等", "など", "関係者", "担当者"]):
        return True
    if any(s.startswith(p) and len(s) > len(p) for p in GENERIC_PREFIXES):
        return True
    if "の" in s and s[s.rindex("の") + 1:] in TYPE_WORDS:
        return True
    return False


if __name__ == "__main__":
    main()
