#!/usr/bin/env python3
"""Peers check for `renkei export`: the users' own tools read every export as it is.

Usage:
    python3 Tests/interop/check_exports.py <path-to-renkei-binary> [--dataset PATH ...] [--nodes N]

For each input network — a small Japanese sample written by this script, every --dataset given
(a dataset folder or any file `renkei export` reads; by default the repository's seed dataset
data/kodoku-koritsu-model-jigyo when it exists), and a synthetic network of --nodes
(default 10,000) organisations — it runs `renkei export` in every format and reads the files with:

  * NetworkX: read_graphml, read_gexf, json_graph.node_link_graph(edges="links"), read_pajek;
  * igraph:   Graph.Read_GraphML;
  * Python's json and csv modules (Cytoscape JSON; nodes.csv/edges.csv in UTF-8, UTF-8 with BOM
    and CP932 / Shift_JIS);

and asserts node and edge counts and attribute values (Japanese intact) against what Renkei holds,
taken from the node-link JSON export (itself checked against the script's own input for the
generated networks). It also checks the GEXF structure Gephi needs (namespaces, version 1.3,
attribute declarations and types, viz:color/viz:size on every node) because the published 1.3
XSD is not available complete (see Tests/RenkeiIOTests/Fixtures/README.md).

For the sample and the datasets, `export --layout` (default engine and --engine neato) is checked
too: the positions read back by NetworkX (GraphML x/y, GEXF viz:position, node-link x/y), from the
Cytoscape JSON, nodes.csv and the xlsx 団体 sheet (openpyxl) are the same in all six, and equal
what Graphviz's command line (neato/sfdp -Tjson) computes for the DOT of `renkei render --network
--detail full` with the same seed, to the 5 significant digits it prints.

The large network comes from `renkei generate --organizations N` when the binary has it (a dataset
folder, checked against its own CSVs); the script's own synthetic network, written as node-link JSON
(which `renkei export` reads), is used too — at 1,000 organisations when generate ran, at N when not.
Exit status 0 when every check passes; the failures are listed otherwise.
"""
import argparse
import csv
import io
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import networkx as nx
from networkx.readwrite import json_graph

try:
    import igraph
except ImportError:  # reported as a failure below
    igraph = None

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("  FAIL:", message)


def split_list(text):
    """Inverse of Renkei's ListCodec: ';'-joined, '\\' escapes."""
    if text is None or text == "":
        return []
    items, cur, esc = [], "", False
    for c in text:
        if esc:
            cur += c
            esc = False
        elif c == "\\":
            esc = True
        elif c == ";":
            items.append(cur)
            cur = ""
        else:
            cur += c
    items.append(cur)
    return items


NODE_STRING = ["name", "label", "kind", "category", "legal_form", "prefecture", "municipality"]
NODE_LIST = ["lead_projects", "aliases"]
NODE_BOOL = ["generic", "lead"]
EDGE_STRING = ["status", "project", "direction", "note"]
EDGE_LIST = ["relations", "relation_labels", "evidence"]


def sample_network():
    """A small network with the awkward cases: Japanese, markup characters, a ';' in a list item,
    parallel partnerships, a directed partnership, a custom kind and relation, CP932-only 髙."""
    nodes = [
        {"id": "watari-shakyo", "name": "亘理町社会福祉協議会", "kind": "社協", "legal_form": "社会福祉法人",
         "prefecture": "宮城県", "municipality": "亘理町", "lead": True, "lead_projects": ["p1"],
         "aliases": ["亘理社協", "わたり;社協"]},
        {"id": "watari-town", "name": "亘理町", "kind": "行政", "category": "役場", "prefecture": "宮城県"},
        {"id": "npo-a", "name": "WATALIS", "kind": "NPO", "legal_form": "一般社団法人"},
        {"id": "school", "name": "地域の\"小学校\" & <分校>", "kind": "学校", "generic": True},
        {"id": "takahashi", "name": "髙橋商店\t本店", "kind": "商店会"},  # a tab is kept; other control characters are refused
        # Hostile names: spreadsheet formulas, quotes and a trailing backslash (Pajek), an apostrophe
        # that must survive the CSV formula guard, white space next to CJK and punctuation.
        {"id": "=formula", "name": "=cmd|' /C calc'!A0", "kind": "企業"},
        {"id": "plus", "name": "+SUM(1+1)", "kind": "企業"},
        {"id": "at", "name": "@HYPERLINK(\"http://x\")", "kind": "企業"},
        {"id": "minus", "name": "-1 団体", "kind": "NPO"},
        {"id": "apostrophe", "name": "'=already guarded", "kind": "NPO"},
        {"id": "quote", "name": "say \"hi\" \\", "kind": "NPO"},
        {"id": "backslash", "name": "末尾\\", "kind": "NPO"},
        # Names kept as written (issue 12): a space beside CJK, the legal form inside the name,
        # ampersands, quotes, and 前株 / 後株 as two organisations.
        {"id": "kita-shakyo", "name": "北区 社会福祉協議会", "kind": "社協"},
        {"id": "test-mae", "name": "株式会社 テスト", "kind": "企業"},
        {"id": "test-ato", "name": "テスト株式会社", "kind": "企業"},
        {"id": "att", "name": "AT&T & co", "kind": "企業"},
        {"id": "say-hi", "name": "say \"hi\"", "kind": "NPO"},
    ]
    links = [
        {"source": "watari-shakyo", "target": "watari-town", "relations": ["endorsement", "venue"],
         "relation_labels": ["後援", "会場提供"], "project": "p1", "evidence": ["報告書.pdf:12"], "weight": 2.0},
        {"source": "watari-shakyo", "target": "watari-town", "relations": ["publicity"],
         "status": "planned", "project": "p1"},
        {"source": "watari-shakyo", "target": "npo-a", "relations": ["co-organising", "mycustom"],
         "relation_labels": ["共催・協働", "独自の連携"], "direction": "directed", "note": "タブ\tと改行\nあり"},
        {"source": "npo-a", "target": "school", "relations": ["lecturers"], "weight": 0.5},
        {"source": "takahashi", "target": "school", "relations": ["venue"]},
        {"source": "=formula", "target": "plus", "relations": ["venue"]},
        {"source": "at", "target": "minus", "relations": ["venue"]},
        {"source": "apostrophe", "target": "quote", "relations": ["venue"]},
        {"source": "backslash", "target": "quote", "relations": ["venue"]},
        {"source": "kita-shakyo", "target": "test-mae", "relations": ["venue"]},
        {"source": "test-ato", "target": "att", "relations": ["venue"]},
        {"source": "say-hi", "target": "kita-shakyo", "relations": ["venue"]},
    ]
    return {"directed": False, "multigraph": True, "graph": {"name": "亘理町の連携（試験）"},
            "nodes": nodes, "links": links}


def synthetic_network(n, seed=20261129):
    """n organisations, about 3n partnerships (some parallel), Japanese names, every kind."""
    rng = random.Random(seed)
    kinds = ["社協", "行政", "学校", "NPO", "企業", "医療・保健", "地域団体", "協同組合", "専門職", "その他"]
    relations = [("endorsement", "後援"), ("publicity", "広報・チラシ配布"), ("lecturers", "講師派遣"),
                 ("venue", "会場提供"), ("funding", "資金・助成"), ("co-organising", "共催・協働")]
    prefectures = ["北海道", "宮城県", "東京都", "大阪府", "福岡県", "沖縄県"]
    nodes = []
    for i in range(n):
        node = {"id": f"org{i:05d}", "name": f"団体{i}号・連携テスト", "kind": kinds[i % len(kinds)],
                "prefecture": prefectures[i % len(prefectures)]}
        if i % 7 == 0:
            node["legal_form"] = "特定非営利活動法人"
        if i % 50 == 0:
            node["lead"] = True
            node["lead_projects"] = [f"p{i}"]
        if i % 11 == 0:
            node["aliases"] = [f"別名{i}"]
        nodes.append(node)
    links = []
    for i in range(1, n):  # a random tree keeps it connected
        j = rng.randrange(i)
        links.append((i, j))
    for _ in range(2 * n):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            links.append((a, b))
    for k in range(n // 20):  # parallel partnerships
        links.append(links[k * 3])
    out_links = []
    for a, b in links:
        r = rng.sample(relations, rng.randint(1, 2))
        out_links.append({"source": f"org{a:05d}", "target": f"org{b:05d}", "relations": [x[0] for x in r],
                          "relation_labels": [x[1] for x in r], "weight": float(rng.randint(1, 4)),
                          "status": "planned" if rng.random() < 0.1 else "realised",
                          "project": f"p{(a // 50) * 50}"})
    return {"directed": False, "multigraph": True, "graph": {"name": f"合成ネットワーク{n}"},
            "nodes": nodes, "links": out_links}


def run(binary, *args):
    r = subprocess.run([binary, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"renkei {' '.join(args)} failed ({r.returncode}): {r.stderr.strip()}")
    return r


def expected_from_nodelink(path):
    """What Renkei holds: its node-link JSON export, as plain dicts keyed by id."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    nodes = {str(n["id"]): n for n in data["nodes"]}
    edges = {l["key"]: l for l in data["links"]}
    return data, nodes, edges


def compare_node(tool, nid, got, want):
    for k in NODE_STRING:
        check(got.get(k) == want.get(k), f"{tool}: node {nid} {k}: {got.get(k)!r} != {want.get(k)!r}")
    for k in NODE_BOOL:
        check(bool(got.get(k)) == bool(want.get(k)), f"{tool}: node {nid} {k}: {got.get(k)!r} != {want.get(k)!r}")
    for k in NODE_LIST:
        g = got.get(k)
        g = split_list(g) if isinstance(g, str) or g is None else g
        check(g == want.get(k, []), f"{tool}: node {nid} {k}: {g!r} != {want.get(k, [])!r}")


def compare_edge(tool, eid, got, want):
    for k in EDGE_STRING:
        check(got.get(k) == want.get(k), f"{tool}: edge {eid} {k}: {got.get(k)!r} != {want.get(k)!r}")
    for k in EDGE_LIST:
        g = got.get(k)
        g = split_list(g) if isinstance(g, str) or g is None else g
        check(g == want.get(k, []), f"{tool}: edge {eid} {k}: {g!r} != {want.get(k, [])!r}")
    check(float(got.get("weight")) == float(want["weight"]), f"{tool}: edge {eid} weight {got.get('weight')!r}")


def sample_ids(ids, k=25):
    ids = sorted(ids)
    if len(ids) <= k:
        return ids
    step = len(ids) / k
    return [ids[int(i * step)] for i in range(k)]


def check_networkx_multigraph(tool, G, nodes, edges, edge_id):
    check(G.number_of_nodes() == len(nodes), f"{tool}: {G.number_of_nodes()} nodes, expected {len(nodes)}")
    check(G.number_of_edges() == len(edges), f"{tool}: {G.number_of_edges()} edges, expected {len(edges)}")
    for nid in sample_ids(nodes):
        check(nid in G.nodes, f"{tool}: node {nid} missing")
        if nid in G.nodes:
            compare_node(tool, nid, G.nodes[nid], nodes[nid])
    by_id = {}
    for u, v, k, d in (G.edges(keys=True, data=True) if G.is_multigraph() else
                       ((u, v, None, d) for u, v, d in G.edges(data=True))):
        by_id[edge_id(k, d)] = (u, v, d)
    for eid in sample_ids(edges):
        want = edges[eid]
        if eid not in by_id:
            check(False, f"{tool}: edge {eid} missing")
            continue
        u, v, d = by_id[eid]
        check({u, v} == {want["source"], want["target"]}, f"{tool}: edge {eid} ends {u},{v}")
        compare_edge(tool, eid, d, want)


def check_graphml(path, nodes, edges):
    t = time.perf_counter()
    G = nx.read_graphml(path)
    print(f"  networkx read_graphml: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"{type(G).__name__} ({time.perf_counter() - t:.2f} s)")
    check_networkx_multigraph("networkx graphml", G, nodes, edges, lambda k, d: k if k is not None else d.get("id"))
    if igraph is None:
        check(False, "igraph is not installed")
        return
    t = time.perf_counter()
    g = igraph.Graph.Read_GraphML(path)
    print(f"  igraph Read_GraphML: {g.vcount()} vertices, {g.ecount()} edges ({time.perf_counter() - t:.2f} s)")
    check(g.vcount() == len(nodes), f"igraph: {g.vcount()} vertices, expected {len(nodes)}")
    check(g.ecount() == len(edges), f"igraph: {g.ecount()} edges, expected {len(edges)}")
    index = {v["id"]: v.index for v in g.vs}
    for nid in sample_ids(nodes):
        if nid not in index:
            check(False, f"igraph: vertex {nid} missing")
            continue
        attrs = g.vs[index[nid]].attributes()
        # igraph fills absent string attributes with "" and absent booleans with False.
        attrs = {k: (None if v == "" else v) for k, v in attrs.items()}
        compare_node("igraph graphml", nid, attrs, nodes[nid])
    # igraph does not keep GraphML edge ids; it keeps the file's edge order, which is Renkei's.
    order = list(edges)
    eindex = {order[i]: i for i in range(min(len(order), g.ecount()))}
    for eid in sample_ids(edges):
        if eid not in eindex:
            check(False, f"igraph: edge {eid} missing")
            continue
        e = g.es[eindex[eid]]
        attrs = {k: (None if v == "" else v) for k, v in e.attributes().items()}
        ends = {g.vs[e.source]["id"], g.vs[e.target]["id"]}
        check(ends == {edges[eid]["source"], edges[eid]["target"]}, f"igraph: edge {eid} ends {ends}")
        compare_edge("igraph graphml", eid, attrs, edges[eid])


# KindPalette (Sources/RenkeiCore/Model/KindPalette.swift): Tol's light scheme, as the diagrams.
PALETTE = {"社協": "#EE8866", "行政": "#77AADD", "学校": "#EEDD88", "NPO": "#44BB99", "企業": "#99DDFF",
           "医療・保健": "#FFAABB", "地域団体": "#BBCC33", "協同組合": "#AAAA00", "専門職": "#DDDDDD",
           "その他": "#BBBBBB"}


def check_gexf(path, nodes, edges):
    t = time.perf_counter()
    G = nx.read_gexf(path)
    print(f"  networkx read_gexf: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"{type(G).__name__} ({time.perf_counter() - t:.2f} s)")
    check_networkx_multigraph("networkx gexf", G, nodes, edges, lambda k, d: d.get("id", k))
    for nid in sample_ids(nodes):
        if nid not in G.nodes:
            continue
        viz = G.nodes[nid].get("viz", {})
        kind = nodes[nid]["kind"]
        if kind in PALETTE:
            c = viz.get("color", {})
            got = "#%02X%02X%02X" % (c.get("r", -1), c.get("g", -1), c.get("b", -1)) if c else None
            check(got == PALETTE[kind], f"gexf: node {nid} colour {got} for {kind}, expected {PALETTE[kind]}")
        check(10.0 <= viz.get("size", 0) <= 50.0, f"gexf: node {nid} viz:size {viz.get('size')}")
    # The structure Gephi requires (GEXF 1.3 primer / gexf.rng).
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    root = ET.parse(path).getroot()
    check(root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3", "gexf: root must be gexf 1.3")
    graph = root.find("g:graph", ns)
    check(graph is not None and graph.get("defaultedgetype") in ("directed", "undirected", "mutual"),
          "gexf: <graph defaultedgetype> missing or invalid")
    types = {"integer", "long", "double", "float", "boolean", "string", "liststring", "anyURI"}
    declared = {}
    for attrs in graph.findall("g:attributes", ns):
        check(attrs.get("class") in ("node", "edge"), "gexf: <attributes class> must be node or edge")
        for a in attrs.findall("g:attribute", ns):
            check(a.get("id") and a.get("title") and a.get("type") in types, f"gexf: bad <attribute> {a.attrib}")
            declared[(attrs.get("class"), a.get("id"))] = a.get("type")
    node_elems = graph.find("g:nodes", ns).findall("g:node", ns)
    check(int(graph.find("g:nodes", ns).get("count")) == len(node_elems), "gexf: nodes count attribute")
    for ne in node_elems:
        if ne.get("id") is None or ne.find("viz:color", ns) is None or ne.find("viz:size", ns) is None:
            check(False, f"gexf: node {ne.get('id')} lacks id, viz:color or viz:size")
            break
        for av in ne.findall("g:attvalues/g:attvalue", ns):
            if ("node", av.get("for")) not in declared:
                check(False, f"gexf: attvalue for undeclared {av.get('for')}")
                break
    edge_elems = graph.find("g:edges", ns).findall("g:edge", ns)
    check(int(graph.find("g:edges", ns).get("count")) == len(edge_elems), "gexf: edges count attribute")
    ids = set()
    for ee in edge_elems:
        if not (ee.get("source") and ee.get("target")):
            check(False, "gexf: edge without source/target")
            break
        float(ee.get("weight"))
        ids.add(ee.get("id"))
    check(len(ids) == len(edge_elems), "gexf: edge ids must be unique")


def check_nodelink(path, nodes, edges):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    G = json_graph.node_link_graph(data, edges="links")
    print(f"  networkx node_link_graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, {type(G).__name__}")
    check_networkx_multigraph("networkx node-link", G, nodes, edges, lambda k, d: k)
    # D3: every link end names a node id.
    ids = {n["id"] for n in data["nodes"]}
    check(all(l["source"] in ids and l["target"] in ids for l in data["links"]), "node-link: dangling link")


def check_cytoscape(path, nodes, edges):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    el = data["elements"]
    print(f"  cytoscape json: {len(el['nodes'])} nodes, {len(el['edges'])} edges")
    check(len(el["nodes"]) == len(nodes) and len(el["edges"]) == len(edges), "cytoscape: counts")
    by_id = {n["data"]["id"]: n["data"] for n in el["nodes"]}
    for nid in sample_ids(nodes):
        compare_node("cytoscape", nid, by_id.get(nid, {}), nodes[nid])
    eby = {e["data"]["id"]: e["data"] for e in el["edges"]}
    for eid in sample_ids(edges):
        d = eby.get(eid, {})
        check({d.get("source"), d.get("target")} == {edges[eid]["source"], edges[eid]["target"]}, f"cytoscape: edge {eid}")
        compare_edge("cytoscape", eid, d, edges[eid])
    # NetworkX reads it back (it raised KeyError: 'value' before nodes carried one).
    try:
        G = json_graph.cytoscape_graph(data)
        check(G.number_of_nodes() == len(nodes) and G.number_of_edges() == len(edges),
              f"networkx cytoscape_graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
        check(not G.is_directed() and G.is_multigraph(), "networkx cytoscape_graph: an undirected multigraph")
        for nid in sample_ids(nodes):
            check(nid in G.nodes, f"networkx cytoscape_graph: node {nid} missing")
    except Exception as e:  # reported, not raised, like every other check
        check(False, f"networkx cytoscape_graph failed: {e!r}")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def unguard(value):
    """Undoes Renkei's CSV formula guard (a leading apostrophe before =, +, -, @, tab or CR,
    counting apostrophes already there), as Renkei's own CSV reader does."""
    if value is None or not value.startswith("'"):
        return value
    rest = value[1:]
    return rest if rest.lstrip("'").startswith(FORMULA_STARTS) else value


def check_csv(folder, encoding, nodes, edges, japanese):
    raw = open(os.path.join(folder, "nodes.csv"), "rb").read()
    if encoding == "utf8-bom":
        check(raw.startswith(b"\xef\xbb\xbf"), "csv utf8-bom: no BOM")
    codec = {"utf8": "utf-8", "utf8-bom": "utf-8-sig", "shift_jis": "cp932"}[encoding]
    check(b"\r\n" in raw, f"csv {encoding}: records must end with CRLF")

    def rows(name):
        with open(os.path.join(folder, name), encoding=codec, newline="") as f:
            return list(csv.reader(f))

    nrows, erows = rows("nodes.csv"), rows("edges.csv")
    print(f"  csv {encoding}{' (Japanese headers)' if japanese else ''}: {len(nrows) - 1} nodes, {len(erows) - 1} edges")
    check(len(nrows) - 1 == len(nodes) and len(erows) - 1 == len(edges), f"csv {encoding}: counts")
    head = nrows[0]
    if japanese:
        check(head[:4] == ["ID", "名称", "表示名", "種別"], f"csv: Japanese headers {head[:4]}")
        check(erows[0][:5] == ["ID", "連携元", "連携先", "連携元名称", "連携先名称"],
              f"csv: Japanese edge headers {erows[0][:5]}")
        return
    by_id = {}
    for r in nrows[1:]:
        d = dict(zip(head, r))
        for k, v in d.items():
            check(not v.startswith(FORMULA_STARTS), f"csv {encoding}: unguarded formula-looking cell {k}={v!r}")
        d = {k: (None if v == "" else unguard(v)) for k, v in d.items()}
        for k in NODE_BOOL:
            d[k] = d.get(k) == "true"
        by_id[d["id"]] = d
    for nid in sample_ids(nodes):
        compare_node(f"csv {encoding}", nid, by_id.get(nid, {}), nodes[nid])
    eh = erows[0]
    eby = {}
    for r in erows[1:]:
        d = {k: (None if v == "" else unguard(v)) for k, v in zip(eh, r)}
        eby[d["id"]] = d
    for eid in sample_ids(edges):
        compare_edge(f"csv {encoding}", eid, eby.get(eid, {"weight": "nan"}), edges[eid])


def check_pajek(path, nodes, edges):
    G = nx.read_pajek(path)
    print(f"  networkx read_pajek: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    check(G.number_of_nodes() == len(nodes), "pajek: node count")
    check(G.number_of_edges() == len(edges), "pajek: edge count")
    # Every label reads back exactly (a label several nodes share carries " [id]"; line breaks
    # cannot be represented in Pajek and are written as spaces).
    labels = [n.get("label") or n.get("name") or nid for nid, n in nodes.items()]
    want = {}
    for nid, n in nodes.items():
        label = (n.get("label") or n.get("name") or nid).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
        if labels.count(n.get("label") or n.get("name") or nid) > 1:
            label += f" [{nid}]"
        want[label] = nid
    missing = sorted(set(want) - set(G.nodes))
    check(not missing, f"pajek: labels not read back exactly by read_pajek: {missing[:5]}")


def check_dot(path):
    """Graphviz's gc parses the file without laying it out (dot -Tcanon would lay out 10,000 nodes)."""
    try:
        r = subprocess.run(["gc", "-n", path], capture_output=True, text=True)
    except FileNotFoundError:
        print("  dot: Graphviz not installed, DOT syntax not checked")
        return
    ok = r.returncode == 0 and "rror" not in r.stderr
    check(ok, f"dot: Graphviz rejects the DOT export: {r.stderr.strip()}")
    print(f"  graphviz gc: {'parsed' if ok else 'REJECTED'}: {r.stdout.strip()}")


def check_hostile(binary, workdir):
    """Malformed and hostile XML must fail with file and line, quickly, reading nothing else."""
    print("== hostile XML")
    secret = os.path.join(workdir, "secret.txt")
    with open(secret, "w") as f:
        f.write("TOP-SECRET-CONTENT")
    laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        laughs += f' <!ENTITY lol{i} "{("&" + prev + ";") * 10}">\n'
    laughs += "]>\n<graphml><graph><node id=\"&lol9;\"/></graph></graphml>\n"
    cases = {
        "xxe.graphml": (f'<?xml version="1.0"?>\n<!DOCTYPE graphml [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                        '<graphml><graph><node id="&x;"/></graph></graphml>\n', 2),
        "public.gexf": ('<!DOCTYPE gexf PUBLIC "-//x//y" "http://127.0.0.1:9/x.dtd">\n<gexf version="1.3"/>\n', 1),
        "laughs.graphml": (laughs, 2),
        "unclosed.graphml": ('<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>\n', 4),
        "truncated.gexf": ('<gexf version="1.3">\n<graph>\n<nodes>\n', 4),  # fails at end of file
        "undefined.graphml": ('<graphml>\n<graph>\n<node id="&nbsp;"/></graph></graphml>\n', 3),
    }
    for name, (content, line) in cases.items():
        path = os.path.join(workdir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        t = time.perf_counter()
        r = subprocess.run([binary, "export", path, "--format", "json"], capture_output=True, text=True, timeout=60)
        elapsed = time.perf_counter() - t
        print(f"  {name}: exit {r.returncode} in {elapsed * 1000:.0f} ms: {r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ''}")
        check(r.returncode != 0, f"{name}: renkei accepted hostile or malformed XML")
        check(f"{path}:{line}" in r.stderr, f"{name}: error does not name {path}:{line}: {r.stderr.strip()}")
        check("TOP-SECRET" not in r.stdout + r.stderr, f"{name}: the external entity was read")
        check(elapsed < 10, f"{name}: took {elapsed:.1f} s to fail")


def reference_from_folder(path):
    """A dataset folder's own organizations.csv and partnerships.csv, in node-link shape (ids,
    kinds and edge ends only: names may be normalised by the loader)."""
    orgs = os.path.join(path, "organizations.csv")
    parts = os.path.join(path, "partnerships.csv")
    if not (os.path.isfile(orgs) and os.path.isfile(parts)):
        return None
    with open(orgs, encoding="utf-8-sig", newline="") as f:
        nodes = [{"id": r["id"], "kind": r["kind"]} for r in csv.DictReader(f)]
    with open(parts, encoding="utf-8-sig", newline="") as f:
        links = [{"source": r["source"], "target": r["target"]} for r in csv.DictReader(f)]
    return {"nodes": nodes, "links": links}


def check_metrics(binary, source, workdir, label):
    """--with-metrics: every metric present is attached to the GraphML nodes and equals NetworkX's
    on the simple graph (degree, core_number, betweenness, pagerank, clustering; community only
    has to be present when wired)."""
    out = os.path.join(workdir, f"{label}-metrics.graphml")
    r = run(binary, "export", source, "--format", "graphml", "--with-metrics", "--out", out)
    G = nx.read_graphml(out)
    S = nx.Graph(G)
    S.remove_edges_from(nx.selfloop_edges(S))
    present = [m for m in ["degree", "betweenness", "pagerank", "clustering", "community", "core_number"]
               if any(m in d for _, d in G.nodes(data=True))]
    print(f"  --with-metrics: {', '.join(present) or 'none'} attached"
          + (f" ({r.stderr.strip()})" if r.stderr.strip() else ""))
    check("degree" in present, "--with-metrics attached no degree")
    if "degree" in present:
        bad = [n for n, d in G.nodes(data=True) if d.get("degree") != S.degree(n)]
        check(not bad, f"degree differs from NetworkX for {bad[:5]}")
    if "core_number" in present:
        cores = nx.core_number(S)
        bad = [n for n, d in G.nodes(data=True) if d.get("core_number") != cores[n]]
        check(not bad, f"core_number differs from NetworkX for {bad[:5]}")
    if "community" in present:
        groups = {}
        for n, d in G.nodes(data=True):
            groups.setdefault(d["community"], []).append(n)
        sizes = [len(groups[c]) for c in sorted(groups)]
        check(sorted(groups) == list(range(len(groups))), "communities are not numbered 0 ..< k")
        check(sizes == sorted(sizes, reverse=True), "communities are not numbered by size")
        disconnected = [c for c, members in groups.items() if not nx.is_connected(S.subgraph(members))]
        check(not disconnected, f"communities {disconnected[:5]} are not connected (Leiden guarantees it)")
        print(f"  community: {len(groups)} communities, numbered by size, each connected")
    # The documented conventions (docs/export.md): NetworkX's defaults on the simple graph.
    references = {
        "betweenness": lambda: nx.betweenness_centrality(S),
        "pagerank": lambda: nx.pagerank(S, weight=None),
        "clustering": lambda: nx.clustering(S),
    }
    for name, compute in references.items():
        if name not in present:
            continue
        if name == "betweenness" and S.number_of_nodes() > 3000:
            sample = sorted(S.nodes)[:: max(1, S.number_of_nodes() // 200)]
            print(f"  betweenness: {S.number_of_nodes()} nodes, comparing ranges only (exact NetworkX too slow here)")
            check(all(G.nodes[n].get("betweenness", -1) >= 0 for n in sample), "negative betweenness")
            continue
        want = compute()
        tol = 1e-6 if name == "pagerank" else 1e-9
        bad = [n for n, d in G.nodes(data=True) if abs(d.get(name, float("nan")) - want[n]) > tol]
        check(not bad, f"{name} differs from NetworkX for {bad[:5]}")
        if not bad:
            print(f"  {name}: equal to NetworkX for all {len(want)} nodes")


def check_xlsx(binary, source, workdir, label, nodes, edges):
    """export --format xlsx read by openpyxl and by LibreOffice (converted to CSV): the 団体 and 連携
    sheets have one row per node and per edge, with the names Renkei holds, Japanese intact; no
    cell is a formula; the header row is frozen and filtered; metrics are numbers."""
    import openpyxl
    out = os.path.join(workdir, f"{label}.xlsx")
    t = time.perf_counter()
    run(binary, "export", source, "--format", "xlsx", "--with-metrics", "--out", out)
    print(f"  renkei export --format xlsx --with-metrics: {os.path.getsize(out)} bytes in {time.perf_counter() - t:.2f} s")
    wb = openpyxl.load_workbook(out)
    check(wb.sheetnames == ["団体", "連携", "事業", "よく連携する機関"], f"xlsx sheets: {wb.sheetnames}")
    orgs, links = wb["団体"], wb["連携"]
    check(orgs.max_row - 1 == len(nodes), f"openpyxl: 団体 has {orgs.max_row - 1} rows, {len(nodes)} nodes")
    check(links.max_row - 1 == len(edges), f"openpyxl: 連携 has {links.max_row - 1} rows, {len(edges)} edges")
    header = [c.value for c in orgs[1]]
    for row in orgs.iter_rows(min_row=2, values_only=True):
        rec = dict(zip(header, row))
        want = nodes.get(rec["ID"])
        check(want is not None and want.get("name") == rec["名称"],
              f"openpyxl: 団体 {rec['ID']} name {rec['名称']!r}")
        if "次数" in rec:
            check(isinstance(rec["次数"], (int, float)), f"openpyxl: 次数 of {rec['ID']} is not a number")
    for ws in wb.worksheets:
        check(ws.freeze_panes == "A2", f"openpyxl: {ws.title} header not frozen ({ws.freeze_panes})")
        check(ws.auto_filter.ref is not None, f"openpyxl: {ws.title} has no autofilter")
        for row in ws.iter_rows():
            for c in row:
                check(c.data_type != "f", f"openpyxl: {ws.title}!{c.coordinate} is a formula")
    # LibreOffice: the first sheet (団体) as CSV, UTF-8.
    lo = subprocess.run(["libreoffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                         "--outdir", workdir, out], capture_output=True, text=True, timeout=300)
    converted = os.path.join(workdir, f"{label}.csv")
    check(lo.returncode == 0 and os.path.exists(converted), f"libreoffice could not convert {out}: {lo.stderr.strip()}")
    if os.path.exists(converted):
        with open(converted, encoding="utf-8") as f:
            rows = list(csv.reader(f))
        check(len(rows) - 1 == len(nodes), f"libreoffice: 団体 has {len(rows) - 1} rows, {len(nodes)} nodes")
        names = {r[1] for r in rows[1:]}
        want = {n.get("name") for n in nodes.values()}
        check(names == want, f"libreoffice: 団体 names differ: {sorted(names ^ want)[:5]}")
        print(f"  libreoffice: 団体 {len(rows) - 1} rows, names intact")
    # The workbook as LibreOffice saves it again (shared strings, its own styles) still reads as the
    # dataset: its stats equal those of the source.
    resaved_dir = os.path.join(workdir, f"{label}-lo")
    lo = subprocess.run(["libreoffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                         "--outdir", resaved_dir, out], capture_output=True, text=True, timeout=300)
    resaved = os.path.join(resaved_dir, f"{label}.xlsx")
    check(lo.returncode == 0 and os.path.exists(resaved), f"libreoffice could not save {out} as xlsx: {lo.stderr.strip()}")
    if os.path.exists(resaved):
        want = json.loads(run(binary, "stats", source, "--format", "json").stdout)
        got = json.loads(run(binary, "stats", resaved, "--format", "json").stdout)
        want.pop("dataset", None)
        got.pop("dataset", None)
        check(got == want, f"the workbook re-saved by LibreOffice reads back with other stats: {sorted(k for k in want if got.get(k) != want[k])}")
        print("  libreoffice-saved xlsx read back as PATH: stats equal to the source's")


def graphviz_precision(v):
    """Half a unit in the last place Graphviz 2.43's command line prints (%.5g)."""
    if v == 0:
        return 0.0
    return 0.5 * 10 ** (math.floor(math.log10(abs(v))) - 4)


def read_positions(outputs, nodes):
    """Each export's positions, by node id, as the users' tools read them."""
    got = {}
    G = nx.read_graphml(outputs["graphml"])
    got["graphml"] = {n: (d["x"], d["y"]) for n, d in G.nodes(data=True) if "x" in d}
    check(all(isinstance(v, float) for p in got["graphml"].values() for v in p), "graphml: x/y are not doubles")
    G = nx.read_gexf(outputs["gexf"])
    # Gephi's y axis points up: GEXF carries y negated.
    got["gexf"] = {n: (d["viz"]["position"]["x"], -d["viz"]["position"]["y"])
                   for n, d in G.nodes(data=True) if "position" in d.get("viz", {})}
    check(all(d["viz"]["position"]["z"] == 0 for _, d in G.nodes(data=True) if "position" in d.get("viz", {})),
          "gexf: viz:position z is not 0")
    with open(outputs["json"], encoding="utf-8") as f:
        G = json_graph.node_link_graph(json.load(f), edges="links")
    got["json"] = {n: (d["x"], d["y"]) for n, d in G.nodes(data=True) if "x" in d}
    with open(outputs["cytoscape"], encoding="utf-8") as f:
        cy = json.load(f)
    nx.cytoscape_graph(cy)  # still loads
    got["cytoscape"] = {e["data"]["id"]: (e["position"]["x"], e["position"]["y"])
                        for e in cy["elements"]["nodes"] if "position" in e}
    check(all("x" not in e["data"] for e in cy["elements"]["nodes"]), "cytoscape: x in data besides position")
    with open(os.path.join(outputs["csv"], "nodes.csv"), encoding="utf-8", newline="") as f:
        got["csv"] = {unguard(r["id"]): (float(r["x"]), float(r["y"])) for r in csv.DictReader(f) if r["x"] != ""}
    import openpyxl
    ws = openpyxl.load_workbook(outputs["xlsx"])["団体"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    check(all(isinstance(r["X座標"], (int, float)) for r in rows if r["X座標"] is not None), "xlsx: X座標 is not a number")
    got["xlsx"] = {r["ID"]: (float(r["X座標"]), float(r["Y座標"])) for r in rows if r["X座標"] is not None}
    return got


def check_layout(binary, source, workdir, label, nodes, edges, engine=None, seed="7"):
    """export --layout: every organisation the 連携図 draws has the same finite position in GraphML
    (x, y), GEXF (viz:position, y negated), node-link JSON, Cytoscape JSON (position), nodes.csv and
    the xlsx 団体 sheet; and the positions are those the Graphviz command line computes for the
    network diagram's DOT (`renkei render --network --detail full --format dot`, same engine and
    seed), moved to y down from the top-left corner: x = x_gv - llx, y = ury - y_gv of the `bb`."""
    extra = ["--engine", engine] if engine else []
    tag = f"{label}-layout-{engine or 'default'}"
    outputs = {}
    t = time.perf_counter()
    for fmt, ext in [("graphml", "graphml"), ("gexf", "gexf"), ("json", "json"), ("cytoscape", "cyjs"),
                     ("csv", "csv"), ("xlsx", "xlsx")]:
        out = os.path.join(workdir, f"{tag}.{ext}")
        run(binary, "export", source, "--format", fmt, "--layout", "--seed", seed, *extra, "--out", out)
        outputs[fmt] = out
    print(f"  renkei export --layout {' '.join(extra)} (6 formats): {time.perf_counter() - t:.2f} s")
    got = read_positions(outputs, nodes)
    # The organisations the network diagram draws: leads and everyone in a partnership.
    drawn = {e["source"] for e in edges.values()} | {e["target"] for e in edges.values()}
    drawn |= {n for n, d in nodes.items() if d.get("lead")}
    reference = got["graphml"]
    check(set(reference) == drawn, f"layout: {len(reference)} positioned nodes, {len(drawn)} drawn "
          f"({sorted(set(reference) ^ drawn)[:5]})")
    check(all(math.isfinite(v) for p in reference.values() for v in p), "layout: a position is not finite")
    check(len(set(reference.values())) == len(reference), "layout: two nodes share a position")
    agree = 0
    for fmt, positions in got.items():
        same = set(positions) == set(reference) and all(
            abs(positions[n][0] - reference[n][0]) < 1e-9 and abs(positions[n][1] - reference[n][1]) < 1e-9
            for n in reference)
        check(same, f"layout: {fmt} positions differ from graphml's")
        agree += same
    # The peer: Graphviz's own command line on the diagram's DOT.
    dot = os.path.join(workdir, f"{tag}.dot")
    run(binary, "render", source, "--network", "--detail", "full", "--format", "dot", "--seed", seed, *extra,
        "--out", dot)
    text = open(dot, encoding="utf-8").read()
    m = re.search(r'layout="?(\w+)"?', text)
    cli = m.group(1) if m else "neato"
    check(engine is None or cli == engine, f"layout: the diagram's engine is {cli}, asked for {engine}")
    r = subprocess.run([cli, "-Tjson", dot], capture_output=True, text=True, timeout=600)
    check(r.returncode == 0, f"{cli} -Tjson failed: {r.stderr.strip()[:200]}")
    if r.returncode != 0:
        return
    gv = json.loads(r.stdout)
    llx, lly, urx, ury = (float(v) for v in gv["bb"].split(","))
    peer = {}
    for o in gv.get("objects", []):
        if "pos" in o and "nodes" not in o:
            x, y = (float(v) for v in o["pos"].split(","))
            peer[o["name"]] = (x - llx, ury - y, graphviz_precision(x) + graphviz_precision(llx) + 0.005,
                               graphviz_precision(y) + graphviz_precision(ury) + 0.005)
    check(set(peer) == set(reference), f"layout: {cli} placed {len(peer)} nodes, renkei {len(reference)} "
          f"({sorted(set(peer) ^ set(reference))[:5]})")
    worst = 0.0
    bad = []
    for n, (x, y, tx, ty) in peer.items():
        if n not in reference:
            continue
        dx, dy = abs(reference[n][0] - x), abs(reference[n][1] - y)
        worst = max(worst, dx, dy)
        if dx > tx + 1e-9 or dy > ty + 1e-9:
            bad.append((n, reference[n], (x, y)))
    check(not bad, f"layout: {len(bad)} positions differ from {cli}'s, e.g. {bad[:3]}")
    print(f"  layout ({cli}, seed {seed}): {len(reference)} nodes, same in {agree} of 6 formats, "
          f"largest difference from the {cli} CLI {worst:.3f} pt (it prints 5 significant digits)")
    # Converting a file with positions carries them on (GEXF's viz:position and GraphML's x/y are read back).
    for fmt in ["gexf", "graphml"]:
        converted = os.path.join(workdir, f"{tag}-from-{fmt}.cyjs")
        run(binary, "export", outputs[fmt], "--format", "cytoscape", "--out", converted)
        with open(converted, encoding="utf-8") as f:
            carried = {e["data"]["id"]: (e["position"]["x"], e["position"]["y"])
                       for e in json.load(f)["elements"]["nodes"] if "position" in e}
        check(carried == got["cytoscape"], f"layout: {fmt} -> cytoscape lost or moved positions")
    # Deterministic: the same seed gives the same bytes; another seed, another picture.
    again = os.path.join(workdir, f"{tag}-again.cyjs")
    run(binary, "export", source, "--format", "cytoscape", "--layout", "--seed", seed, *extra, "--out", again)
    check(open(again, "rb").read() == open(outputs["cytoscape"], "rb").read(), "layout: same seed, different output")
    other = os.path.join(workdir, f"{tag}-other.cyjs")
    run(binary, "export", source, "--format", "cytoscape", "--layout", "--seed", str(int(seed) + 1), *extra, "--out", other)
    with open(other, encoding="utf-8") as f:
        moved = {e["data"]["id"]: (e["position"]["x"], e["position"]["y"]) for e in json.load(f)["elements"]["nodes"] if "position" in e}
    if cli != "dot" and len(reference) > 2:
        check(moved != got["cytoscape"], f"layout: seed {int(seed) + 1} gives the same positions as seed {seed}")


def check_networkx_files(binary, workdir):
    """GraphML, GEXF, node-link and Cytoscape JSON written by NetworkX itself (Japanese labels) run
    through `stats` and `centrality`, with NetworkX's own counts and degree centrality."""
    G = nx.relabel_nodes(nx.karate_club_graph(), {i: f"団体{i}" for i in range(34)})
    for n in G:
        G.nodes[n]["club"] = str(G.nodes[n]["club"])
    want = nx.degree_centrality(G)
    def write_json(data):
        return lambda G, path: open(path, "w", encoding="utf-8").write(json.dumps(data(G), ensure_ascii=False))

    for ext, write in [("graphml", nx.write_graphml), ("gexf", nx.write_gexf),
                       ("json", write_json(lambda G: json_graph.node_link_data(G, edges="links"))),
                       ("cyjs", write_json(json_graph.cytoscape_data))]:
        path = os.path.join(workdir, f"networkx-karate.{ext}")
        write(G, path)
        stats = json.loads(run(binary, "stats", path, "--format", "json").stdout)
        check(stats["organizations"] == 34 and stats["partnerships"] == 78,
              f"networkx {ext}: stats {stats['organizations']} organisations, {stats['partnerships']} partnerships")
        rows = list(csv.DictReader(io.StringIO(run(binary, "centrality", path, "--format", "csv").stdout)))
        check(len(rows) == 34, f"networkx {ext}: centrality has {len(rows)} rows")
        for r in rows:
            check(abs(float(r["value"]) - want[r["id"]]) < 1e-12, f"networkx {ext}: degree of {r['id']}")
        print(f"  networkx-written {ext}: stats and centrality agree with NetworkX")


def check_network(binary, source, workdir, label, reference=None, layout=False):
    print(f"== {label}")
    outputs = {}
    for fmt, ext in [("graphml", "graphml"), ("gexf", "gexf"), ("json", "json"), ("cytoscape", "cyjs"),
                     ("pajek", "net"), ("dot", "dot")]:
        out = os.path.join(workdir, f"{label}.{ext}")
        t = time.perf_counter()
        run(binary, "export", source, "--format", fmt, "--out", out)
        print(f"  renkei export --format {fmt}: {os.path.getsize(out)} bytes in {time.perf_counter() - t:.2f} s")
        outputs[fmt] = out
    data, nodes, edges = expected_from_nodelink(outputs["json"])
    if reference is not None:
        # What Renkei holds must be what the script gave it.
        check(len(nodes) == len(reference["nodes"]), "renkei lost or added nodes")
        check(len(edges) == len(reference["links"]), "renkei lost or added edges")
        for i, want in enumerate(reference["links"]):
            got = edges.get(f"e{i}")
            if got is None or {got["source"], got["target"]} != {want["source"], want["target"]}:
                check(False, f"renkei edge e{i} does not match input link {i}")
                break
        for want in reference["nodes"][:50]:
            got = nodes.get(want["id"], {})
            for k, v in want.items():
                if k != "id":
                    check(got.get(k) == v, f"renkei node {want['id']} {k}: {got.get(k)!r} != {v!r}")
    check_graphml(outputs["graphml"], nodes, edges)
    check_gexf(outputs["gexf"], nodes, edges)
    check_nodelink(outputs["json"], nodes, edges)
    check_cytoscape(outputs["cytoscape"], nodes, edges)
    check_pajek(outputs["pajek"], nodes, edges)
    check_dot(outputs["dot"])
    check_metrics(binary, source, workdir, label)
    if len(nodes) <= 2000:
        check_xlsx(binary, source, workdir, label, nodes, edges)
    if layout:
        check_layout(binary, source, workdir, label, nodes, edges)
        check_layout(binary, source, workdir, label, nodes, edges, engine="neato", seed="3")
    for enc in ["utf8", "utf8-bom", "shift_jis"]:
        folder = os.path.join(workdir, f"{label}-csv-{enc}")
        try:
            run(binary, "export", source, "--format", "csv", "--encoding", enc, "--out", folder)
        except RuntimeError as e:
            if enc == "shift_jis" and "Shift_JIS" in str(e):
                print(f"  csv shift_jis: refused as expected for text outside CP932: {e}")
                continue
            raise
        check_csv(folder, enc, nodes, edges, japanese=False)
    folder = os.path.join(workdir, f"{label}-csv-ja")
    run(binary, "export", source, "--format", "csv", "--japanese-headers", "--out", folder)
    check_csv(folder, "utf8", nodes, edges, japanese=True)
    # Every export Renkei reads back, given as PATH, has the source's stats (the dataset's name
    # aside: the CSV pair does not carry it).
    want = json.loads(run(binary, "stats", source, "--format", "json").stdout)
    want.pop("dataset", None)
    readable = [outputs[f] for f in ["graphml", "gexf", "json", "cytoscape"]]
    readable += [os.path.join(workdir, f"{label}-csv-utf8"), os.path.join(workdir, f"{label}-csv-ja")]
    if os.path.exists(os.path.join(workdir, f"{label}.xlsx")):
        readable.append(os.path.join(workdir, f"{label}.xlsx"))
    for path in readable:
        got = json.loads(run(binary, "stats", path, "--format", "json").stdout)
        got.pop("dataset", None)
        check(got == want, f"stats of {os.path.basename(path)} read back differ from the source's: "
                           f"{sorted(k for k in want if got.get(k) != want[k])}")
    print(f"  stats of {len(readable)} exports read back as PATH: equal to the source's")
    # Round trip through each reader: export -> import -> export gives the same bytes.
    for fmt in ["graphml", "gexf", "json"]:
        again = outputs[fmt] + ".again." + fmt
        run(binary, "export", outputs[fmt], "--format", fmt, "--out", again)
        same = open(outputs[fmt], "rb").read() == open(again, "rb").read()
        check(same, f"round trip {fmt}: export -> import -> export changed the bytes")
        print(f"  round trip {fmt}: {'identical' if same else 'DIFFERENT'}")


def check_names_as_written(binary, workdir):
    """An edge-list sheet: names are kept as written (NFKC, trimmed, white-space runs made one
    space), 前株 and 後株 stay two organisations listed as a possible duplicate, and NetworkX reads
    the names back exactly from Pajek, GraphML and node-link JSON. Expected values are by hand."""
    print("== names kept as written (edge-list CSV)")
    sheet = os.path.join(workdir, "names.csv")
    rows = [["source", "target", "relations"],
            ["北区\u3000社会福祉協議会", "株式会社 テスト", "後援"],
            ["テスト株式会社", "AT&T  &  co", "後援"],
            ['say "hi"', "末尾\\", "後援"],
            ["北区社協", 'say "hi"', "後援"]]
    with open(sheet, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    want = {"北区 社会福祉協議会", "株式会社 テスト", "テスト株式会社", "AT&T & co", 'say "hi"', "末尾\\"}
    report = json.loads(subprocess.run([binary, "validate", sheet, "--format", "json"], capture_output=True, text=True).stdout)
    dups = [w for w in report.get("warnings", []) if w.get("kind") == "possible_duplicate"]
    check(report.get("organizations") == 6, f"names: {report.get('organizations')} organisations, want 6 (北区社協 merged)")
    check(len(dups) == 1 and len(dups[0].get("organizations", [])) == 2, f"names: possible_duplicate warnings {dups}")
    net = os.path.join(workdir, "names.net")
    run(binary, "export", sheet, "--format", "pajek", "--out", net)
    got = set(nx.read_pajek(net).nodes)
    check(got == want, f"names: read_pajek gave {sorted(got - want)} for {sorted(want - got)}")
    for fmt, read in [("graphml", nx.read_graphml), ("json", None)]:
        out = os.path.join(workdir, f"names.{fmt}")
        run(binary, "export", sheet, "--format", fmt, "--out", out)
        if read is not None:
            names = {d.get("name") for _, d in read(out).nodes(data=True)}
        else:
            with open(out, encoding="utf-8") as f:
                data = json.load(f)
            names = {n.get("name") for n in json_graph.node_link_graph(data, edges="links").nodes.values()}
        check(names == want, f"names: {fmt} names {sorted(names ^ want)}")
    print(f"  {len(want)} names read back exactly (pajek, graphml, json); 1 possible duplicate")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("renkei", help="path to the renkei binary")
    ap.add_argument("--dataset", action="append", default=[], help="a dataset folder or file to export too")
    ap.add_argument("--nodes", type=int, default=10_000, help="size of the synthetic network")
    ap.add_argument("--no-seed-dataset", action="store_true",
                    help="do not add the repository's seed dataset (data/kodoku-koritsu-model-jigyo)")
    args = ap.parse_args()
    binary = os.path.abspath(args.renkei)
    seed = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "kodoku-koritsu-model-jigyo")
    if not args.no_seed_dataset and not args.dataset and os.path.isdir(seed):
        args.dataset.append(os.path.normpath(seed))
    with tempfile.TemporaryDirectory(prefix="renkei-interop-") as workdir:
        sample = sample_network()
        path = os.path.join(workdir, "sample-input.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(sample, f, ensure_ascii=False)
        check_network(binary, path, workdir, "sample", reference=sample, layout=True)
        check_hostile(binary, workdir)
        check_names_as_written(binary, workdir)
        check_networkx_files(binary, workdir)
        for i, ds in enumerate(args.dataset):
            try:
                check_network(binary, ds, workdir, f"dataset{i}", reference=reference_from_folder(ds), layout=True)
            except RuntimeError as e:
                check(False, f"dataset {ds}: {e}")
        # The large network: `renkei generate` (a dataset folder shaped like the seed dataset) when
        # the binary has it, plus the script's own node-link network (smaller when generate ran).
        generated = os.path.join(workdir, f"generated{args.nodes}")
        r = subprocess.run([binary, "generate", "--organizations", str(args.nodes), "--seed", "1",
                            "--out", generated], capture_output=True, text=True)
        synthetic_size = args.nodes
        if r.returncode == 0:
            check_network(binary, generated, workdir, f"generated{args.nodes}", reference=reference_from_folder(generated))
            synthetic_size = min(args.nodes, 1000)
        else:
            print(f"== renkei generate unavailable ({r.stderr.strip().splitlines()[-1] if r.stderr.strip() else r.returncode}); "
                  "using the script's synthetic network")
        synth = synthetic_network(synthetic_size)
        path = os.path.join(workdir, "synthetic-input.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(synth, f, ensure_ascii=False)
        check_network(binary, path, workdir, f"synthetic{synthetic_size}", reference=synth)
    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) failed")
        return 1
    print("\nall interop checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
