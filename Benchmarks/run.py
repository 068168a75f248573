#!/usr/bin/env python3
"""Renkei analysis benchmark: Renkei beside igraph, NetworKit and NetworkX on the same edge lists.

    python3 Benchmarks/run.py [--quick] [--skip-build] [--networkx-full] [--extra FILE ...]

Generates seeded Barabási–Albert edge lists with NetworkX (cached in bench-out/):
  ba10k  10,000 nodes × 49,975 edges   (m = 5, seed 42)
  ba100k 100,000 nodes × 499,975 edges (m = 5, seed 42)
  ba1m   100,000 nodes × 999,900 edges (m = 10, seed 42), for peak memory
  leafy20k a partnership-shaped graph: a BA core of 2,000 "leads" (m = 3, seed 42), each with
         1–17 degree-1 "partners" (seed 7), about 20,000 nodes — where leaf folding pays
builds `renkei-bench` in release mode, then runs every tool in its own subprocess on the same
files, one after the other, and prints algorithm times (best of --repeat), the ratio
Renkei / peer (below 1 = Renkei faster) and each process's peak resident memory (VmHWM).
NetworkX betweenness and closeness on ba10k take many minutes, so by default they are timed on
500 sampled sources and scaled by n/500 (marked "est."); --networkx-full runs them in full.
Add more edge lists (e.g. from `renkei generate`) with --extra; they get the ba100k plan.

Community detection (louvain, leiden, labelprop in renkei-bench) has its own driver beside
NetworKit PLM/ParallelLeiden/PLP and igraph multilevel/leiden/label_propagation, with the
planted-partition NMI check and a generated national network: Benchmarks/communities.py.
"""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench-out")

GRAPHS = {
    "ba10k": (10_000, 5),
    "ba100k": (100_000, 5),
    "ba1m": (100_000, 10),
    "leafy20k": (2_000, 3),
}

PLANS = {
    "ba10k": ["betweenness", "closeness", "pagerank", "kcore", "clustering", "components"],
    "ba100k": ["pagerank", "kcore", "clustering", "transitivity", "components", "eigenvector"],
    "ba1m": ["pagerank", "kcore", "clustering", "components"],
    "leafy20k": ["betweenness", "betweenness_unfolded", "closeness", "pagerank", "kcore", "clustering",
                 "components"],
}
QUICK_PLANS = {
    "ba10k": ["pagerank", "kcore", "clustering", "components"],
    "ba100k": ["pagerank", "kcore", "clustering", "components"],
}


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


# ---------------------------------------------------------------------------- peers (subprocess side)

def peer_igraph(path, algorithms):
    import igraph as ig
    t = time.perf_counter()
    g = ig.Graph.Read_Edgelist(path, directed=False)
    load = time.perf_counter() - t
    table = {
        "betweenness": lambda: g.betweenness(),
        "closeness": lambda: g.closeness(),
        "harmonic": lambda: g.harmonic_centrality(),
        "pagerank": lambda: g.pagerank(),
        "eigenvector": lambda: g.eigenvector_centrality(),
        "kcore": lambda: g.coreness(),
        "clustering": lambda: g.transitivity_local_undirected(mode="zero"),
        "transitivity": lambda: g.transitivity_undirected(),
        "components": lambda: g.connected_components(),
    }
    return load, table, 1


def peer_networkit(path, algorithms):
    import networkit as nk
    t = time.perf_counter()
    reader = nk.graphio.EdgeListReader(" ", 0, continuous=True, directed=False)
    g = reader.read(path)
    load = time.perf_counter() - t
    C = nk.centrality
    table = {
        "betweenness": lambda: C.Betweenness(g, normalized=True).run(),
        "closeness": lambda: C.Closeness(g, True, C.ClosenessVariant.Generalized).run(),
        "harmonic": lambda: C.HarmonicCloseness(g, False).run(),
        "pagerank": lambda: C.PageRank(g, 0.85, 1e-6).run(),
        "eigenvector": lambda: C.EigenvectorCentrality(g).run(),
        "kcore": lambda: C.CoreDecomposition(g).run(),
        "clustering": lambda: C.LocalClusteringCoefficient(g).run(),
        "transitivity": lambda: nk.globals.ClusteringCoefficient.exactGlobal(g),
        "components": lambda: nk.components.ConnectedComponents(g).run(),
    }
    return load, table, 1


def peer_networkx(path, algorithms, full=False):
    import networkx as nx
    t = time.perf_counter()
    g = nx.read_edgelist(path, nodetype=int)
    load = time.perf_counter() - t
    n = g.number_of_nodes()
    k = min(500, n)
    nodes = list(g.nodes())[:k]
    table = {
        "pagerank": lambda: nx.pagerank(g),
        "eigenvector": lambda: nx.eigenvector_centrality(g),
        "kcore": lambda: nx.core_number(g),
        "clustering": lambda: nx.clustering(g),
        "transitivity": lambda: nx.transitivity(g),
        "components": lambda: list(nx.connected_components(g)),
    }
    scale = 1
    if full:
        table["betweenness"] = lambda: nx.betweenness_centrality(g)
        table["closeness"] = lambda: nx.closeness_centrality(g)
    else:
        # Extrapolated: the cost is linear in the number of sources.
        table["betweenness"] = lambda: nx.betweenness_centrality(g, k=k, seed=1)
        table["closeness"] = lambda: [nx.closeness_centrality(g, u=v) for v in nodes]
        scale = {"betweenness": n / k, "closeness": n / k}
    return load, table, scale


def run_peer(tool, path, algorithms, repeat, full):
    if tool == "igraph":
        load, table, scale = peer_igraph(path, algorithms)
    elif tool == "networkit":
        load, table, scale = peer_networkit(path, algorithms)
    else:
        load, table, scale = peer_networkx(path, algorithms, full)
    results = []
    for name in algorithms:
        if name not in table:
            continue
        best = best_cpu = float("inf")
        for _ in range(1 if tool == "networkx" else repeat):
            c = time.process_time()
            t = time.perf_counter()
            table[name]()
            best = min(best, time.perf_counter() - t)
            best_cpu = min(best_cpu, time.process_time() - c)
        factor = scale.get(name, 1) if isinstance(scale, dict) else scale
        entry = {"algorithm": name, "seconds": best * factor, "cpu_seconds": best_cpu * factor}
        if factor != 1:
            entry["estimated"] = True
        results.append(entry)
    print(json.dumps({"tool": tool, "load_seconds": load, "peak_rss_mb": peak_rss_mb(), "results": results}))


# ---------------------------------------------------------------------------- driver

def generate(name):
    path = os.path.join(OUT, f"{name}.txt")
    if not os.path.exists(path):
        import networkx as nx
        n, m = GRAPHS[name]
        print(f"generating {name} (n={n}, m={m}, seed 42)…", file=sys.stderr)
        g = nx.barabasi_albert_graph(n, m, seed=42)
        if name.startswith("leafy"):
            import random
            rng = random.Random(7)
            label = n
            for lead in range(n):
                for _ in range(rng.randint(1, 17)):
                    g.add_edge(lead, label)
                    label += 1
        with open(path + ".tmp", "w") as f:
            for u, v in g.edges():
                f.write(f"{u} {v}\n")
        os.replace(path + ".tmp", path)
    return path


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="skip betweenness/closeness and ba1m")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--networkx-full", action="store_true", help="run NetworkX betweenness/closeness in full")
    ap.add_argument("--no-networkx", action="store_true", help="leave NetworkX out")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--graphs", default=None, help="comma-separated subset of ba10k,ba100k,ba1m")
    ap.add_argument("--extra", nargs="*", default=[], help="more edge lists (integer labels 0..n-1)")
    ap.add_argument("rest", nargs="*")
    args = ap.parse_args()

    if args.peer:
        path, *algorithms = args.rest
        run_peer(args.peer, path, algorithms, args.repeat, args.networkx_full)
        return

    os.makedirs(OUT, exist_ok=True)
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "renkei-bench"], cwd=ROOT, check=True)
    bench = os.path.join(ROOT, ".build", "release", "renkei-bench")
    plans = QUICK_PLANS if args.quick else PLANS
    names = args.graphs.split(",") if args.graphs else list(plans)
    jobs = [(name, generate(name), plans[name]) for name in names]
    for extra in args.extra:
        jobs.append((os.path.basename(extra), extra, PLANS["ba100k"]))

    load_before = os.getloadavg()
    peers = ["igraph", "networkit"] + ([] if args.no_networkx else ["networkx"])
    records = []
    for name, path, algorithms in jobs:
        print(f"== {name}: {' '.join(algorithms)}", file=sys.stderr)
        ours = run_json([bench, path, *algorithms, "--repeat", str(args.repeat)])
        row = {"graph": name, "nodes": ours["nodes"], "edges": ours["edges"], "renkei": ours, "peers": {}}
        for tool in peers:
            print(f"   {tool}…", file=sys.stderr)
            cmd = [sys.executable, os.path.abspath(__file__), "--peer", tool, "--repeat", str(args.repeat)]
            if args.networkx_full:
                cmd.append("--networkx-full")
            row["peers"][tool] = run_json(cmd + [path, *algorithms])
        records.append(row)

    with open(os.path.join(OUT, "results-" + "-".join(n for n, _, _ in jobs) + ".json"), "w") as f:
        json.dump(records, f, indent=1)

    # Ratio table (Markdown).
    print(f"load average before the run: {load_before}, after: {os.getloadavg()}")
    print()
    head = ["graph", "algorithm", "renkei s"] + [f"{p} s" for p in peers] + [f"renkei/{p}" for p in peers] \
        + ["renkei CPU s", "igraph CPU s"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in records:
        ours = {x["algorithm"]: x["seconds"] for x in r["renkei"]["results"] if "seconds" in x}
        for alg, t in ours.items():
            cells = [r["graph"], alg, f"{t:.4f}"]
            ratios = []
            for p in peers:
                e = next((x for x in r["peers"][p]["results"] if x["algorithm"] == alg), None)
                if e is None:
                    cells.append("—"); ratios.append("—"); continue
                est = " est." if e.get("estimated") else ""
                cells.append(f"{e['seconds']:.4f}{est}")
                ratios.append(f"{t / e['seconds']:.2f}" if e["seconds"] > 0 else "—")
            cpu = next((x.get("cpu_seconds") for x in r["renkei"]["results"] if x["algorithm"] == alg), None)
            icpu = next((x.get("cpu_seconds") for x in r["peers"].get("igraph", {"results": []})["results"]
                         if x["algorithm"] == alg), None)
            extra = [f"{cpu:.4f}" if cpu is not None else "—", f"{icpu:.4f}" if icpu is not None else "—"]
            print("| " + " | ".join(cells + ratios + extra) + " |")
    print()
    head = ["graph", "nodes", "edges", "renkei load s", "renkei peak MB"] + [f"{p} peak MB" for p in peers]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in records:
        cells = [r["graph"], str(r["nodes"]), str(r["edges"]), f"{r['renkei']['load_seconds']:.3f}",
                 f"{r['renkei']['peak_rss_mb']:.1f}"]
        cells += [f"{r['peers'][p]['peak_rss_mb']:.1f}" for p in peers]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
