#!/usr/bin/env python3
"""Writes the analysis fixtures: edge lists and the values NetworkX / igraph compute on them.

Run from this folder:  python3 make_fixtures.py
Requires networkx (3.6.1 was used) and python-igraph (1.0.0, for Barrat clustering).
Edge lists are `u v [w]` lines; node labels are written as they are.
The expected values are keyed by node label; `analysis_expected.json` records the versions.
"""
import json
import random

import igraph as ig
import networkx as nx


def write_edges(G, path, weight=None):
    with open(path, "w") as f:
        for u, v, d in G.edges(data=True):
            if weight:
                f.write(f"{u} {v} {d[weight]!r}\n")
            else:
                f.write(f"{u} {v}\n")


def node_map(d):
    return {str(k): float(v) for k, v in d.items()}


def with_inverse(G):
    H = G.copy()
    for u, v, d in H.edges(data=True):
        d["inv"] = 1.0 / d["weight"]
    return H


def barrat(G):
    nodes = list(G.nodes())
    idx = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(idx[u], idx[v]) for u, v in G.edges()])
    g.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    c = g.transitivity_local_undirected(weights="weight", mode="zero")
    return {str(v): float(c[idx[v]]) for v in nodes}


def leafy_graph(seed):
    """A partnership-like network: a small core of leads, most partners hanging off one lead,
    plus a few isolated pairs, a path and an isolated vertex's worth of odd shapes."""
    rng = random.Random(seed)
    G = nx.barabasi_albert_graph(12, 2, seed=seed)
    label = 12
    for lead in range(12):
        for _ in range(rng.randint(1, 6)):
            G.add_edge(lead, label)
            label += 1
    # a leaf hanging off a leaf's parent that is itself degree 2 (a path end)
    G.add_edge(label, label + 1); G.add_edge(label + 1, label + 2); G.add_edge(label + 2, 3)
    label += 3
    # isolated pairs (both ends degree 1) and a star component
    for _ in range(2):
        G.add_edge(label, label + 1); label += 2
    for k in range(4):
        G.add_edge(label, label + 1 + k)
    label += 5
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.randint(1, 4))
    return G


def measures(G, weighted):
    out = {
        "betweenness": node_map(nx.betweenness_centrality(G)),
        "betweenness_raw": node_map(nx.betweenness_centrality(G, normalized=False)),
        "betweenness_endpoints": node_map(nx.betweenness_centrality(G, endpoints=True)),
        "betweenness_endpoints_raw": node_map(nx.betweenness_centrality(G, endpoints=True, normalized=False)),
        "closeness": node_map(nx.closeness_centrality(G)),
        "harmonic": node_map(nx.harmonic_centrality(G)),
        "degree": node_map(nx.degree_centrality(G)),
        "clustering": node_map(nx.clustering(G)),
        "core_number": node_map(nx.core_number(G)),
    }
    scalars = {
        "average_clustering": float(nx.average_clustering(G)),
        "transitivity": float(nx.transitivity(G)),
        "components": [sorted(map(str, c), key=lambda s: list(G.nodes()).index(int(s) if s.isdigit() else s))
                       for c in sorted(nx.connected_components(G), key=lambda c: (-len(c), min(list(G.nodes()).index(v) for v in c)))],
    }
    if nx.is_connected(G):
        out["eigenvector"] = node_map(nx.eigenvector_centrality(G))
        out["katz"] = node_map(nx.katz_centrality(G, alpha=0.1))
    out["pagerank"] = node_map(nx.pagerank(G, weight=None))
    if weighted:
        H = with_inverse(G)
        out.update({
            "betweenness_w": node_map(nx.betweenness_centrality(G, weight="weight")),
            "betweenness_w_raw": node_map(nx.betweenness_centrality(G, weight="weight", normalized=False)),
            "betweenness_inv": node_map(nx.betweenness_centrality(H, weight="inv")),
            "betweenness_inv_endpoints": node_map(nx.betweenness_centrality(H, weight="inv", endpoints=True)),
            "closeness_w": node_map(nx.closeness_centrality(G, distance="weight")),
            "closeness_inv": node_map(nx.closeness_centrality(H, distance="inv")),
            "harmonic_inv": node_map(nx.harmonic_centrality(H, distance="inv")),
            "pagerank_w": node_map(nx.pagerank(G, weight="weight")),
            "clustering_onnela": node_map(nx.clustering(G, weight="weight")),
            "clustering_barrat": barrat(G),
        })
        scalars["average_clustering_onnela"] = float(nx.average_clustering(G, weight="weight"))
        if nx.is_connected(G):
            out["eigenvector_w"] = node_map(nx.eigenvector_centrality(G, weight="weight"))
            out["katz_w"] = node_map(nx.katz_centrality(G, alpha=0.01, weight="weight"))
    return out, scalars


def main():
    graphs = {}

    karate = nx.karate_club_graph()  # edges carry 'weight' (interaction counts)
    write_edges(karate, "karate.txt")
    write_edges(karate, "karate_weighted.txt", weight="weight")
    m, s = measures(karate, weighted=True)
    # personalised PageRank: teleport only to the two leaders (0 and 33), weights ignored
    pers = {v: (1.0 if v in (0, 33) else 0.0) for v in karate}
    m["pagerank_personalized"] = node_map(nx.pagerank(karate, personalization=pers, weight=None))
    # an isolated vertex "iso" added after the karate vertices: a dangling vertex for PageRank
    K2 = karate.copy()
    K2.add_node("iso")
    m["pagerank_isolated"] = node_map(nx.pagerank(K2, weight=None))
    pers2 = {v: (1.0 if v in (0, "iso") else 0.0) for v in K2}
    m["pagerank_isolated_personalized"] = node_map(nx.pagerank(K2, personalization=pers2, weight=None))
    m["pagerank_isolated_dangling"] = node_map(nx.pagerank(K2, weight=None, dangling={33: 1.0}))
    m["closeness_isolated"] = node_map(nx.closeness_centrality(K2))
    graphs["karate"] = {"file": "karate_weighted.txt", "measures": m, "scalars": s}

    flor = nx.florentine_families_graph()
    write_edges(flor, "florentine.txt")
    m, s = measures(flor, weighted=False)
    graphs["florentine"] = {"file": "florentine.txt", "measures": m, "scalars": s}

    leafy = leafy_graph(7)
    write_edges(leafy, "leafy_weighted.txt", weight="weight")
    m, s = measures(leafy, weighted=True)
    graphs["leafy"] = {"file": "leafy_weighted.txt", "measures": m, "scalars": s}

    with open("analysis_expected.json", "w") as f:
        json.dump({"generator": "make_fixtures.py", "networkx": nx.__version__, "igraph": ig.__version__,
                   "graphs": graphs}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
