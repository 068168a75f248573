"""The exact-solution fixture for PageRank, eigenvector and Katz (issue 13).

A 400-vertex graph: a Barabási–Albert graph of 397 vertices (m = 2, seed 13, NetworkX) plus a
separate path of 3 vertices (397–398–399), so the graph has a second component.
Expected values come from igraph's exact solvers, not from a power iteration:
  pagerank     igraph Graph.pagerank(implementation="prpack"), damping 0.85, unweighted and weighted
  eigenvector  igraph Graph.eigenvector_centrality (ARPACK), rescaled to unit Euclidean norm
               (NetworkX's and renkei's normalisation); unweighted
  katz         the linear solve x = (I - alpha A)^-1 1 (numpy), alpha 0.1, unit Euclidean norm
Weights are 1 + (u*7 + v*3) % 5 so the weighted runs differ from the unweighted ones.

Run: python3 make_spectral_fixture.py   (writes spectral400.txt and spectral400_expected.json)
"""
import json
import igraph as ig
import networkx as nx
import numpy as np

G = nx.barabasi_albert_graph(397, 2, seed=13)
G.add_edge(397, 398)
G.add_edge(398, 399)
edges = sorted((min(u, v), max(u, v)) for u, v in G.edges())
weights = [1 + (u * 7 + v * 3) % 5 for u, v in edges]

with open("spectral400.txt", "w") as f:
    f.write("".join(f"{u} {v} {w}\n" for (u, v), w in zip(edges, weights)))

n = 400
h = ig.Graph(n=n, edges=edges)
h.es["weight"] = weights
A = np.zeros((n, n))
for (u, v), w in zip(edges, weights):
    A[u, v] = A[v, u] = 1.0


def unit(x):
    x = np.asarray(x, dtype=float)
    return x / np.linalg.norm(x)


pr = h.pagerank(damping=0.85, implementation="prpack")
pr_w = h.pagerank(damping=0.85, weights="weight", implementation="prpack")
ev = unit(h.eigenvector_centrality(scale=True))
katz = unit(np.linalg.solve(np.eye(n) - 0.1 * A, np.ones(n)))

# The dominant eigenvalue lives on the BA component: igraph leaves ~1e-18 on the path's vertices.

def node_map(x):
    return {str(i): float(x[i]) for i in range(n)}


out = {
    "source": f"igraph {ig.__version__} (PRPACK, ARPACK), numpy {np.__version__}, networkx {nx.__version__}",
    "pagerank": node_map(pr),
    "pagerank_w": node_map(pr_w),
    "eigenvector": node_map(ev),
    "katz": node_map(katz),
    # How far NetworkX's default stopping rule (tolerance 1e-6) leaves PageRank and eigenvector.
    "networkx_default_max_relative_error": {
        "pagerank": float(max(abs(a - b) / b for a, b in zip(
            [nx.pagerank(G, weight=None)[i] for i in range(n)], pr))),
        "eigenvector": float(np.max(np.abs(unit([nx.eigenvector_centrality(G)[i] for i in range(n)]) - ev))),
    },
}
with open("spectral400_expected.json", "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
print(out["source"], out["networkx_default_max_relative_error"])
