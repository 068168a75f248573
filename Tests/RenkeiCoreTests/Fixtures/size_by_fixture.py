"""Expected values for SizeByTests (renkei render --size-by) on handDataset() of ProjectionTests.swift.

The partnership graph: one edge per pair with a partnership, unweighted. Run: python3 size_by_fixture.py
"""
import networkx as nx

g = nx.Graph()
g.add_nodes_from(["L1", "L2", "S", "T", "U", "G"])
g.add_edges_from([("L1", "S"), ("L1", "T"), ("L1", "G"), ("L2", "S"), ("L2", "U"), ("L2", "L1")])
for name, values in [
    ("degree", nx.degree_centrality(g)),
    ("betweenness", nx.betweenness_centrality(g)),
    ("pagerank", nx.pagerank(g, alpha=0.85, weight=None, tol=1e-12)),
    ("harmonic", nx.harmonic_centrality(g)),
]:
    print(name, {k: repr(v) for k, v in sorted(values.items())})
