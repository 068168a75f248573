#!/usr/bin/env python3
"""Expected values for the community, projection and partition-similarity tests.

Run from this folder:  python3 make_community_fixtures.py
Needs networkx (3.x) and numpy. Writes:
  karate_edges_communities.txt   Zachary's karate club, "u v" per line (0-based, NetworkX numbering)
  lesmis_edges_communities.txt   Les Miserables co-appearance graph, "u v w" (0-based, sorted names)
  modularity_cases.json          partitions with NetworkX's community.modularity at several resolutions
  partition_similarity.json      pairs of labellings with NMI (arithmetic) and ARI computed here with
                                 numpy from the contingency table (no scikit-learn), cross-checked on
                                 hand-computed cases
  davis_bipartite.txt            Davis Southern Women, "woman<TAB>event" per line
  davis_projections.json         NetworkX weighted_projected_graph, collaboration_weighted_projected_graph
                                 and overlap_weighted_projected_graph(jaccard=True) onto the women
"""
import json
import math
import random

import networkx as nx
import numpy as np
from networkx.algorithms import bipartite
from networkx.algorithms.community import modularity, louvain_communities, greedy_modularity_communities


def membership_of(communities, n):
    m = [-1] * n
    for c, members in enumerate(communities):
        for v in members:
            m[v] = c
    assert all(x >= 0 for x in m)
    return m


def nmi(a, b):
    a = np.asarray(a); b = np.asarray(b); n = len(a)
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    table = np.zeros((ai.max() + 1, bi.max() + 1))
    np.add.at(table, (ai, bi), 1)
    pa = table.sum(1) / n; pb = table.sum(0) / n
    ha = -np.sum(pa * np.log(pa)); hb = -np.sum(pb * np.log(pb))
    if ha + hb == 0:
        return 1.0
    nz = table > 0
    pij = table[nz] / n
    mi = np.sum(pij * np.log(pij / np.outer(pa, pb)[nz]))
    return float(2 * mi / (ha + hb))


def ari(a, b):
    a = np.asarray(a); b = np.asarray(b); n = len(a)
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    table = np.zeros((ai.max() + 1, bi.max() + 1))
    np.add.at(table, (ai, bi), 1)
    comb = lambda x: x * (x - 1) / 2
    index = comb(table).sum()
    sa = comb(table.sum(1)).sum(); sb = comb(table.sum(0)).sum()
    expected = sa * sb / comb(n)
    maximum = (sa + sb) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))


# Hand-checked cases.
# Identical partitions up to renaming: NMI = ARI = 1.
assert abs(nmi([0, 0, 1, 1], [1, 1, 0, 0]) - 1) < 1e-15 and abs(ari([0, 0, 1, 1], [1, 1, 0, 0]) - 1) < 1e-15
# [0,0,1,1] vs [0,1,0,1]: independent, MI = 0, so NMI = 0; index 0, expected (2*2)/6 = 2/3, max 2 -> ARI = -0.5.
assert abs(nmi([0, 0, 1, 1], [0, 1, 0, 1])) < 1e-15
assert abs(ari([0, 0, 1, 1], [0, 1, 0, 1]) + 0.5) < 1e-15
# [0,0,0,1,1,1] vs [0,0,1,1,2,2]: H(a) = ln 2, H(b) = ln 3, H(b|a) = ln 3 - (2/3) ln 2, so
# I = (2/3) ln 2 and NMI = 2I/(H(a)+H(b)).
h = 2 * (2 / 3 * math.log(2)) / (math.log(2) + math.log(3))
assert abs(nmi([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) - h) < 1e-12
# ARI of the same pair: index = 2 (two pairs), sums 6 and 3, all 15, expected 6*3/15 = 1.2, max 4.5.
assert abs(ari([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) - (2 - 1.2) / (4.5 - 1.2)) < 1e-12

# --- karate club ------------------------------------------------------------------------------
K = nx.karate_club_graph()
n = K.number_of_nodes()
with open("karate_edges_communities.txt", "w") as f:
    f.write("# Zachary's karate club from networkx.karate_club_graph(), unweighted, 0-based\n")
    for u, v in sorted(K.edges()):
        f.write(f"{u} {v}\n")
Ku = nx.Graph(); Ku.add_nodes_from(K.nodes()); Ku.add_edges_from(K.edges())  # drop the 'weight' attribute

# --- Les Miserables (weighted) -------------------------------------------------------------------
L = nx.les_miserables_graph()
names = sorted(L.nodes())
index = {s: i for i, s in enumerate(names)}
Li = nx.Graph(); Li.add_nodes_from(range(len(names)))
for u, v, d in L.edges(data=True):
    Li.add_edge(index[u], index[v], weight=d["weight"])
with open("lesmis_edges_communities.txt", "w") as f:
    f.write("# Les Miserables co-appearances from networkx.les_miserables_graph(), nodes numbered by sorted name\n")
    for u, v in sorted((min(a, b), max(a, b)) for a, b in Li.edges()):
        f.write(f"{u} {v} {Li[u][v]['weight']}\n")

cases = []
club = [0 if K.nodes[v]["club"] == "Mr. Hi" else 1 for v in range(n)]
parts = {
    "karate-club": ("karate", club),
    "karate-greedy": ("karate", membership_of(greedy_modularity_communities(Ku), n)),
    "karate-louvain-seed1": ("karate", membership_of(louvain_communities(Ku, seed=1), n)),
    "karate-singletons": ("karate", list(range(n))),
    "karate-one": ("karate", [0] * n),
    "karate-random4": ("karate", [random.Random(7).randrange(4) for _ in range(n)]),
    "lesmis-louvain-seed2": ("lesmis", membership_of(louvain_communities(Li, weight="weight", seed=2), Li.number_of_nodes())),
    "lesmis-random6": ("lesmis", [random.Random(11).randrange(6) for _ in range(Li.number_of_nodes())]),
}
# The published optimum of the karate club, 0.4197896 (Brandes et al. 2008), as membership.
optimum = [[0, 1, 2, 3, 7, 11, 12, 13, 17, 19, 21], [4, 5, 6, 10, 16], [8, 9, 14, 15, 18, 20, 22, 26, 29, 30, 32, 33],
           [23, 24, 25, 27, 28, 31]]
parts["karate-optimum"] = ("karate", membership_of(optimum, n))
for name, (graph, m) in parts.items():
    G = Ku if graph == "karate" else Li
    for gamma in (0.5, 1.0, 2.0):
        groups = {}
        for v, c in enumerate(m):
            groups.setdefault(c, set()).add(v)
        q = modularity(G, list(groups.values()), weight="weight", resolution=gamma)
        cases.append({"name": name, "graph": graph, "resolution": gamma, "membership": m, "modularity": q})
assert abs(modularity(Ku, [set(c) for c in optimum]) - 0.4197896) < 1e-7
with open("modularity_cases.json", "w") as f:
    json.dump(cases, f, indent=1)

# --- NMI / ARI ---------------------------------------------------------------------------------------
rng = random.Random(2005)
pairs = [
    {"a": [0, 0, 1, 1], "b": [1, 1, 0, 0]},
    {"a": [0, 0, 1, 1], "b": [0, 1, 0, 1]},
    {"a": [0, 0, 0, 1, 1, 1], "b": [0, 0, 1, 1, 2, 2]},
    {"a": club, "b": parts["karate-optimum"][1]},
    {"a": parts["karate-greedy"][1], "b": parts["karate-louvain-seed1"][1]},
]
for size, ka, kb in ((50, 3, 5), (200, 10, 10), (1000, 20, 7)):
    a = [rng.randrange(ka) for _ in range(size)]
    b = [x if rng.random() < 0.7 else rng.randrange(kb) for x in a]
    pairs.append({"a": a, "b": b})
for p in pairs:
    p["nmi"] = nmi(p["a"], p["b"])
    p["ari"] = ari(p["a"], p["b"])
with open("partition_similarity.json", "w") as f:
    json.dump(pairs, f, indent=1)

# --- Davis Southern Women ----------------------------------------------------------------------------
D = nx.davis_southern_women_graph()
women = sorted(D.graph["top"])
events = sorted(D.graph["bottom"])
with open("davis_bipartite.txt", "w") as f:
    f.write("# Davis Southern Women from networkx.davis_southern_women_graph(): woman<TAB>event\n")
    for w in women:
        for e in sorted(D[w]):
            f.write(f"{w}\t{e}\n")
out = {}
for key, P in (("count", bipartite.weighted_projected_graph(D, women)),
               ("newman", bipartite.collaboration_weighted_projected_graph(D, women)),
               ("jaccard", bipartite.overlap_weighted_projected_graph(D, women, jaccard=True))):
    out[key] = sorted([min(u, v), max(u, v), d["weight"]] for u, v, d in P.edges(data=True))
with open("davis_projections.json", "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
print("wrote", len(cases), "modularity cases,", len(pairs), "similarity pairs")
