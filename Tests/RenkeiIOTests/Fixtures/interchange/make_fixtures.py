#!/usr/bin/env python3
"""Writes the interchange fixtures the RenkeiIO tests read: files produced by NetworkX (not by
Renkei) and the values NetworkX and Python's cp932 codec give for them.

Run from this folder:  python3 make_fixtures.py   (NetworkX 3.x; made with 3.6.1)

Outputs:
  networkx.graphml      nx.write_graphml of the multigraph below (NetworkX's own key ids d0, d1 …)
  networkx.gexf         nx.write_gexf(version="1.3") of the same graph
  networkx.json         json_graph.node_link_data(G, edges="links") of the same graph
  expected.json         counts and attribute values as NetworkX reads them back from each file,
                        CP932 bytes of Japanese strings as Python's cp932 codec encodes them,
                        what Python's cp932 codec decodes a few codes to, and the metrics
                        `renkei export --with-metrics` attaches, as NetworkX computes them on the
                        simple partnership graph of ../folders/good ("good_metrics")
"""
import csv
import json

import networkx as nx
from networkx.readwrite import json_graph

G = nx.MultiGraph(name="亘理町の連携")
G.add_node("watari-shakyo", name="亘理町社会福祉協議会", kind="社協", legal_form="社会福祉法人",
           prefecture="宮城県", lead=True, lead_projects="p1", aliases="亘理社協;わたり\\;社協",
           degree=3, pagerank=0.3125)
G.add_node("watari-town", name="亘理町", kind="行政", category="役場", prefecture="宮城県",
           lead=False, degree=1, pagerank=0.21875)
G.add_node("npo", name="WATALIS & <仲間>", kind="NPO", lead=False, degree=2, pagerank=0.25)
G.add_node("school", name="地域の小学校", kind="学校", generic=True, lead=False, degree=1, pagerank=0.21875)
G.add_edge("watari-shakyo", "watari-town", key="e0", relations="endorsement;venue",
           relation_labels="後援;会場提供", status="realised", weight=2.0, project="p1")
G.add_edge("watari-shakyo", "watari-town", key="e1", relations="publicity",
           relation_labels="広報・チラシ配布", status="planned", weight=1.0, project="p1")
G.add_edge("watari-shakyo", "npo", key="e2", relations="co-organising", relation_labels="共催・協働",
           status="realised", weight=1.5, direction="directed", note="改行\nあり")
G.add_edge("npo", "school", key="e3", relations="lecturers", relation_labels="講師派遣",
           status="realised", weight=1.0)

nx.write_graphml(G, "networkx.graphml")
nx.write_gexf(G, "networkx.gexf", version="1.3")
with open("networkx.json", "w", encoding="utf-8") as f:
    json.dump(json_graph.node_link_data(G, edges="links"), f, ensure_ascii=False, indent=1)


def summary(H):
    nodes = {str(n): {k: v for k, v in d.items() if k != "viz"} for n, d in H.nodes(data=True)}
    edges = sorted([[str(u), str(v), {k: val for k, val in d.items() if k != "id"}]
                    for u, v, d in H.edges(data=True)], key=lambda e: json.dumps(e, ensure_ascii=False))
    return {"nodes": H.number_of_nodes(), "edges": H.number_of_edges(), "node_data": nodes, "edge_data": edges}


def good_metrics():
    """NetworkX's values on ../folders/good as a simple graph: every organisation, one edge per
    partnered pair (planned partnerships included, parallel ones merged), unweighted."""
    with open("../folders/good/organizations.csv", encoding="utf-8") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    S = nx.Graph()
    S.add_nodes_from(ids)
    with open("../folders/good/partnerships.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["source"] != row["target"]:
                S.add_edge(row["source"], row["target"])
    measures = {
        "degree": dict(S.degree()),
        "betweenness": nx.betweenness_centrality(S),
        "pagerank": nx.pagerank(S, weight=None),
        "clustering": nx.clustering(S),
        "core_number": nx.core_number(S),
    }
    return {n: {m: values[n] for m, values in measures.items()} for n in ids}


expected = {
    "good_metrics": good_metrics(),
    "graphml": summary(nx.read_graphml("networkx.graphml")),
    "gexf": summary(nx.read_gexf("networkx.gexf")),
    "json": summary(json_graph.node_link_graph(json.load(open("networkx.json", encoding="utf-8")), edges="links")),
    "cp932": {s: list(s.encode("cp932")) for s in ["亘理町社会福祉協議会", "髙橋", "①", "〜", "ｱｲｳ", "連携元"]},
    # CP932 has two codes for some characters (髙: NEC-selected EEE0 and IBM FBFC); Python encodes
    # the first, glibc iconv and Windows the second. Both decode to the same text:
    "cp932_decoded": {h: bytes.fromhex(h).decode("cp932") for h in ["eee0", "fbfc", "8160", "8740"]},
}
with open("expected.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
print("wrote networkx.graphml, networkx.gexf, networkx.json, expected.json")
