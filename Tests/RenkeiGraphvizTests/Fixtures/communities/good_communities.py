"""The best-modularity partition of RenkeiIOTests/Fixtures/folders/good's partnership graph,
by brute force over every partition (NetworkX's modularity), for RenderCommandTests'
community clustering check.

Edges weighted as `--edge-weight relations` (the default): the number of relation kinds of the
partnership. Run: python3 good_communities.py
Prints (weighted and unweighted give the same best partition, up to where the isolated `lonely`
goes, and `lonely` is not drawn in the network diagram):
  best Q=0.122449 (weighted) [(('hoikuen', 'kyosei', 'watalis', 'watari-town'), ('wanzu', 'watari-shakyo'))]
  best Q=0.220000 (unweighted) [(('hoikuen', 'kyosei', 'watalis', 'watari-town'), ('wanzu', 'watari-shakyo'))]
"""
import networkx as nx
from networkx.algorithms.community import modularity

G = nx.Graph()
G.add_nodes_from(["watalis", "watari-town", "watari-shakyo", "hoikuen", "kyosei", "wanzu", "lonely"])
for u, v, w in [("watalis", "watari-town", 1), ("watalis", "watari-shakyo", 2), ("watalis", "hoikuen", 2),
                ("kyosei", "watalis", 1), ("wanzu", "watari-shakyo", 1)]:
    G.add_edge(u, v, weight=w)


def partitions(items):
    if not items:
        yield []
        return
    first, *rest = items
    for p in partitions(rest):
        for i in range(len(p)):
            yield p[:i] + [[first] + p[i]] + p[i + 1:]
        yield [[first]] + p


for weight in ["weight", None]:
    scored = sorted(((modularity(G, p, weight=weight), p) for p in partitions(list(G.nodes))),
                    key=lambda x: -x[0])
    best = scored[0][0]
    ties = [p for q, p in scored if abs(q - best) < 1e-12]
    # Without the undrawn isolate, every best partition is the same.
    drawn = {tuple(sorted(tuple(sorted(n for n in c if n != "lonely")) for c in p if c != ["lonely"])) for p in ties}
    print(f"best Q={best:.6f} ({'weighted' if weight else 'unweighted'})", sorted(drawn))
