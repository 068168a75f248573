#!/usr/bin/env python3
"""Peer check for `renkei diff`: plain Python sets and NetworkX compute the same differences.

Usage:
    python3 Tests/interop/check_diff.py <path-to-renkei-binary>

The seed dataset data/kodoku-koritsu-model-jigyo is copied and altered here with the csv module:
project P05 and its partnerships are dropped, organisation o002 gets the id `town-watari` in
every file, the first partnership gains the relation 会場提供, a partnership joins the two largest
components (through the organisation with the most partners in each), and every partnership of
one bridge whose removal leaves two parts of at least two organisations is deleted. `renkei diff SEED COPY --format json --top 100000` must
then agree with a computation over the two folders' CSV files that knows nothing of Renkei's
matching: organisations are keyed by name (generic partners, whose names repeat across projects,
by id, which the copy keeps), a partnership is the set of relation words of one unordered pair
(realised when one of its rows is), components are NetworkX connected components of two or more
organisations, betweenness is networkx.betweenness_centrality (normalised) ranked highest first
with ties sharing the best rank.

Checked: organisations added, removed and matched; partnerships added and removed (as name pairs);
relation changes; projects removed; components merged and split (as sizes); every degree move and
every betweenness-rank move. Exit status 0 when all agree.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

import networkx as nx

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("  FAIL:", message)


def read(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write(folder, name, rows, fields):
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def load(folder):
    orgs = read(folder, "organizations.csv")
    key = {o["id"]: ("#" + o["id"] if o["generic"] == "true" else o["name"]) for o in orgs}
    pairs = {}
    G = nx.Graph()
    G.add_nodes_from(o["id"] for o in orgs)
    for p in read(folder, "partnerships.csv"):
        s, t = p["source"], p["target"]
        if s == t:
            continue
        k = frozenset((key[s], key[t]))
        rel, realised = pairs.get(k, (set(), False))
        rel = rel | {r.strip() for r in p["relations"].split(";") if r.strip()}
        pairs[k] = (rel, realised or p["status"] != "planned")
        G.add_edge(s, t)
    projects = {p["id"]: p["title"] for p in read(folder, "projects.csv")}
    return orgs, key, pairs, G, projects


def alter(seed, copy):
    shutil.copytree(seed, copy)
    orgs, key, _, G, _ = load(seed)
    parts = read(seed, "partnerships.csv")
    fields = list(parts[0].keys())
    projects = read(seed, "projects.csv")
    lead = {p["id"]: p["lead"] for p in projects}
    parts = [p for p in parts if p["project"] != "P05"]
    parts[0]["relations"] += ";会場提供"
    # Join the two largest components through their organisations with the most partners.
    comps = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(c)))
    a, b = (min(c, key=lambda v: (-G.degree(v), v)) for c in comps[:2])
    parts.append(dict(project=parts[0]["project"], source=a, target=b, relations="共催・協働", status="realised",
                      weight="1", direction="mutual", evidence="", note=""))
    # Cut a bridge that leaves two parts of at least two organisations (not touching P05).
    H = nx.Graph()
    H.add_edges_from((p["source"], p["target"]) for p in parts if p["source"] != p["target"])
    cut = None
    for u, v in sorted(tuple(sorted(e)) for e in nx.bridges(H)):
        if {u, v} == {a, b}:
            continue
        K = H.copy()
        K.remove_edge(u, v)
        if len(nx.node_connected_component(K, u)) >= 2 and len(nx.node_connected_component(K, v)) >= 2:
            cut = (u, v)
            break
    assert cut, "no bridge to cut"
    parts = [p for p in parts if {p["source"], p["target"]} != set(cut)]
    ren = lambda i: "town-watari" if i == "o002" else i
    for p in parts:
        p["source"], p["target"] = ren(p["source"]), ren(p["target"])
    write(copy, "partnerships.csv", parts, fields)
    orows = read(seed, "organizations.csv")
    for o in orows:
        o["id"] = ren(o["id"])
    write(copy, "organizations.csv", orows, list(orows[0].keys()))
    prows = [p for p in projects if p["id"] != "P05"]
    for p in prows:
        p["lead"] = ren(p["lead"])
    write(copy, "projects.csv", prows, list(projects[0].keys()))
    return (key[a], key[b]), (key[cut[0]], key[cut[1]])


def ranks(values):
    ordered = sorted(values.values(), reverse=True)
    out = {}
    for k, v in values.items():
        bar = v + 1e-12 * max(1.0, abs(v))
        out[k] = 1 + sum(1 for x in ordered if x > bar)
    return out


def components(G, key):
    return [frozenset(key[v] for v in c) for c in nx.connected_components(G) if len(c) >= 2]


def main():
    binary = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    seed = os.path.join(root, "data", "kodoku-koritsu-model-jigyo")
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "altered")
        joined, cut = alter(seed, copy)
        print(f"altered copy: P05 dropped, o002 → town-watari, joined {joined}, cut {cut}")
        r = subprocess.run([binary, "diff", seed, copy, "--format", "json", "--top", "100000"], capture_output=True, text=True)
        if r.returncode != 0:
            print("renkei diff failed:", r.stderr)
            return 1
        got = json.loads(r.stdout)
        oa, ka, pa, Ga, proja = load(seed)
        ob, kb, pb, Gb, projb = load(copy)

        A, B = set(ka.values()), set(kb.values())
        check(got["organizations_matched"] == len(A & B), f"matched {got['organizations_matched']} != {len(A & B)}")
        name = lambda k: k[1:] if k.startswith("#") else k
        exp_added = sorted(name(k) for k in B - A)
        check(sorted(o["name"] for o in got["organizations_added"]) == exp_added, "organizations_added")
        check(sorted(o["name"] for o in got["organizations_removed"]) == sorted(name(k) for k in A - B), "organizations_removed")

        def pairset(items, keys):
            return {frozenset((keys[p["source_id"]], keys[p["target_id"]])) for p in items}
        added, removed = set(pb) - set(pa), set(pa) - set(pb)
        changed = {k for k in set(pa) & set(pb) if pa[k] != pb[k]}
        check(pairset(got["partnerships_added"], kb) == added, f"partnerships_added: {len(got['partnerships_added'])} vs {len(added)}")
        check(pairset(got["partnerships_removed"], ka) == removed, f"partnerships_removed: {len(got['partnerships_removed'])} vs {len(removed)}")
        check(pairset(got["relations_changed"], kb) == changed, f"relations_changed: {len(got['relations_changed'])} vs {len(changed)}")
        check(frozenset(joined) in added and frozenset(cut) in removed, "the joining pair is added and the cut one removed")
        for c in got["relations_changed"]:
            k = frozenset((kb[c["source_id"]], kb[c["target_id"]]))
            check(set(c["relations_added"]) == pb[k][0] - pa[k][0], f"relations_added of {set(k)}")
            check(set(c["relations_removed"]) == pa[k][0] - pb[k][0], f"relations_removed of {set(k)}")
        titles_a, titles_b = set(proja.values()), set(projb.values())
        check(sorted(p["title"] for p in got["projects_removed"]) == sorted(titles_a - titles_b), "projects_removed")
        check(sorted(p["title"] for p in got["projects_added"]) == sorted(titles_b - titles_a), "projects_added")

        # Components: a new component merged when its organisations present in both came from
        # two or more old components (each of at least two); a split the other way round.
        ca, cb = components(Ga, ka), components(Gb, kb)
        common = A & B

        def changes(before, after):
            out = []
            for c in after:
                parts = [p for p in before if p & c & common]
                if len(parts) >= 2:
                    out.append((len(c), sorted(len(p) for p in parts)))
            return sorted(out)
        got_merged = sorted((m["component"]["size"], sorted(p["size"] for p in m["from"])) for m in got["components_merged"])
        got_split = sorted((m["component"]["size"], sorted(p["size"] for p in m["into"])) for m in got["components_split"])
        check(got_merged == changes(ca, cb), f"components_merged {got_merged} vs {changes(ca, cb)}")
        check(got_split == changes(cb, ca), f"components_split {got_split} vs {changes(cb, ca)}")
        check(len(got_merged) >= 1 and len(got_split) >= 1, "the alterations merge and split components")

        # Degree and betweenness-rank moves of every organisation in both networks.
        ida = {k: i for i, k in ka.items()}
        idb = {k: i for i, k in kb.items()}
        exp_deg = {k: (Ga.degree(ida[k]), Gb.degree(idb[k])) for k in common if Ga.degree(ida[k]) != Gb.degree(idb[k])}
        got_deg = {kb[m["new_id"]]: (m["old"], m["new"]) for m in got["degree_moves"]}
        check(got_deg == exp_deg, f"degree_moves: {len(got_deg)} vs {len(exp_deg)}")
        ra = ranks(nx.betweenness_centrality(Ga))
        rb = ranks(nx.betweenness_centrality(Gb))
        exp_bet = {k: (ra[ida[k]], rb[idb[k]]) for k in common if ra[ida[k]] != rb[idb[k]]}
        got_bet = {kb[m["new_id"]]: (m["old_rank"], m["new_rank"]) for m in got["betweenness_moves"]}
        check(got_bet == exp_bet, f"betweenness_moves: {len(got_bet)} vs {len(exp_bet)}")
        print(f"diff: {len(got['partnerships_added'])} added, {len(got['partnerships_removed'])} removed, "
              f"{len(got['relations_changed'])} changed, {len(got_merged)} merged, {len(got_split)} split, "
              f"{len(got_deg)} degree moves, {len(got_bet)} betweenness-rank moves — "
              + ("all agree with the set comparison and NetworkX" if not FAILURES else f"{len(FAILURES)} disagreements"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
