#!/usr/bin/env python3
"""Peers check for `renkei ego` and `renkei path`: NetworkX answers the same questions.

Usage:
    python3 Tests/interop/check_questions.py <path-to-renkei-binary>

Inputs: the seed dataset data/kodoku-koritsu-model-jigyo (its partnerships.csv read here with the
csv module into a NetworkX graph, edge weight = number of relations summed over the pair's
partnerships, as Renkei's default), a town-scale dataset from `renkei generate --seed 7`, and random
graphs written by this script as plain edge lists (`u v w`).

  * ego: the node set of `renkei ego ... --depth d --format json` equals
    networkx.ego_graph(G, org, radius=d) for d = 1, 2, and its edges are the ego graph's edges;
  * path: `length` equals networkx.shortest_path_length (unweighted, and weighted with
    --distance weight and inverse), and `--all` gives exactly networkx.all_shortest_paths;
    pairs in different components give a null length where NetworkX raises NetworkXNoPath.

Exit status 0 when every comparison agrees; the disagreements are listed otherwise.
"""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

FAILURES = []
COUNTS = {"ego": 0, "path": 0, "all_paths": 0, "weighted": 0, "no_path": 0}


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("  FAIL:", message)


def renkei(binary, *args):
    r = subprocess.run([binary, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"renkei {' '.join(args)} failed: {r.stderr}")
    return json.loads(r.stdout)


def dataset_graph(folder):
    G = nx.Graph()
    with open(os.path.join(folder, "organizations.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            G.add_node(row["id"])
    with open(os.path.join(folder, "partnerships.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            s, t = row["source"], row["target"]
            if s == t:
                continue
            n = max(1, len([r for r in row["relations"].split(";") if r.strip()]))
            w = G[s][t]["weight"] + n if G.has_edge(s, t) else n
            G.add_edge(s, t, weight=w)
    return G


def check_ego(binary, path, G, centres, label, extra=()):
    for c in centres:
        for d in (1, 2):
            got = renkei(binary, "ego", path, c, "--depth", str(d), "--format", "json", *extra)
            want = nx.ego_graph(G, c, radius=d)
            check(got["center"]["id"] == c, f"{label}: ego {c} centre {got['center']['id']}")
            nodes = {n["id"] for n in got["nodes"]}
            check(nodes == set(want.nodes), f"{label}: ego {c} depth {d}: {sorted(nodes ^ set(want.nodes))[:5]} differ")
            depths = nx.single_source_shortest_path_length(G, c, cutoff=d)
            check(all(depths[n["id"]] == n["depth"] for n in got["nodes"] if n["id"] in depths),
                  f"{label}: ego {c} depth {d}: node depths differ")
            edges = {frozenset((e["source"], e["target"])) for e in got["edges"]}
            check(edges == {frozenset(e) for e in want.edges}, f"{label}: ego {c} depth {d}: edges differ")
            COUNTS["ego"] += 1


def check_paths(binary, path, G, pairs, label, extra=()):
    for s, t in pairs:
        got = renkei(binary, "path", path, s, t, "--all", "--format", "json", *extra)
        if not nx.has_path(G, s, t):
            check(got["length"] is None and got["paths"] == [], f"{label}: path {s} {t} should have none")
            COUNTS["no_path"] += 1
            continue
        want_len = nx.shortest_path_length(G, s, t)
        check(got["length"] == want_len, f"{label}: path {s} {t} length {got['length']} != {want_len}")
        chains = {tuple([p[0]["source"]] + [step["target"] for step in p]) if p else (s,) for p in got["paths"]}
        want = {tuple(p) for p in nx.all_shortest_paths(G, s, t)}
        check(chains == want, f"{label}: path {s} {t} --all: {len(chains)} chains vs {len(want)}")
        COUNTS["path"] += 1
        COUNTS["all_paths"] += len(want)
        for rule in ("weight", "inverse"):
            H = G.copy()
            for u, v, a in H.edges(data=True):
                a["length"] = a.get("weight", 1) if rule == "weight" else 1 / a.get("weight", 1)
            got_w = renkei(binary, "path", path, s, t, "--weighted", "--distance", rule, "--format", "json", *extra)
            want_w = nx.shortest_path_length(H, s, t, weight="length")
            check(abs(got_w["length"] - want_w) <= 1e-9 * max(1, want_w),
                  f"{label}: weighted ({rule}) path {s} {t} length {got_w['length']} != {want_w}")
            if got_w["paths"]:
                p = got_w["paths"][0]
                total = sum(H[x["source"]][x["target"]]["length"] for x in p)
                check(abs(total - want_w) <= 1e-9 * max(1, want_w), f"{label}: weighted ({rule}) chain {s} {t} is not shortest")
            COUNTS["weighted"] += 1


def pairs_of(G, rng, k):
    nodes = sorted(G.nodes)
    comps = [sorted(c) for c in nx.connected_components(G) if len(c) > 1]
    out = []
    for _ in range(k):
        c = rng.choice(comps)
        out.append(tuple(rng.sample(c, 2)))
    for _ in range(max(1, k // 5)):
        out.append(tuple(rng.sample(nodes, 2)))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    rng = random.Random(20261201)
    with tempfile.TemporaryDirectory() as tmp:
        seed = "data/kodoku-koritsu-model-jigyo"
        G = dataset_graph(seed)
        connected = [n for n in sorted(G.nodes) if G.degree(n) > 0]
        print(f"== seed dataset: {G.number_of_nodes()} organisations, {G.number_of_edges()} partnered pairs")
        check_ego(binary, seed, G, rng.sample(connected, 30), "seed")
        check_paths(binary, seed, G, pairs_of(G, rng, 30), "seed")

        town = os.path.join(tmp, "town")
        subprocess.run([binary, "generate", "--scale", "town", "--seed", "7", "--out", town], check=True, capture_output=True)
        T = dataset_graph(town)
        print(f"== generated town: {T.number_of_nodes()} organisations, {T.number_of_edges()} partnered pairs")
        check_ego(binary, town, T, rng.sample([n for n in sorted(T.nodes) if T.degree(n) > 0], 20), "town")
        check_paths(binary, town, T, pairs_of(T, rng, 25), "town")

        for i, (n, m) in enumerate([(60, 90), (120, 300), (200, 260)]):
            R = nx.gnm_random_graph(n, m, seed=100 + i)
            R = nx.relabel_nodes(R, {v: f"v{v}" for v in R.nodes})
            for u, v in R.edges:
                R[u][v]["weight"] = rng.randint(1, 4)
            path = os.path.join(tmp, f"random{i}.txt")
            with open(path, "w") as f:
                for u, v in R.edges:
                    f.write(f"{u} {v} {R[u][v]['weight']}\n")
            R.remove_nodes_from([v for v in list(R.nodes) if R.degree(v) == 0])  # an edge list lists no isolates
            print(f"== random graph G({n}, {m}) as a plain edge list")
            check_ego(binary, path, R, rng.sample(sorted(R.nodes), 10), f"random{i}")
            check_paths(binary, path, R, pairs_of(R, rng, 20), f"random{i}")
    print("compared: " + ", ".join(f"{k} {v}" for k, v in COUNTS.items()))
    if FAILURES:
        print(f"{len(FAILURES)} disagreements")
        sys.exit(1)
    print("all equal")


if __name__ == "__main__":
    main()
