#!/usr/bin/env python3
"""Community-detection benchmark: Renkei's Louvain, Leiden and label propagation beside
NetworKit (PLM, ParallelLeiden, PLP) and igraph (community_multilevel, community_leiden,
community_label_propagation) on the same edge lists, in the same run.

    python3 Benchmarks/communities.py [--skip-build] [--repeat R] [--rounds K] [--graphs ba10k,ba100k,national,ba100k_m2]
                                      [--baseline OLD-renkei-bench] [--stable-graphs ba100k_m2] [--stable-seeds K]

Graphs (cached in bench-out/):
  ba10k, ba100k  the Barabási–Albert lists of Benchmarks/run.py (NetworkX, m = 5, seed 42)
  national       `renkei generate --scale national --seed 1 --edge-list …` (100,000 organisations;
                 the organisations without partnerships do not appear in the edge list)
  ba100k_m2      NetworkX barabasi_albert_graph(100000, 2, seed=42): where Leiden until stable pays
  planted20      NetworkX planted_partition_graph(20, 50, 0.3, 0.005, seed=42): 20 blocks of 50

On the --stable-graphs, Leiden iterated until no vertex moves (`leiden_stable` in renkei-bench,
`Leiden.untilStable`) is timed beside igraph's community_leiden(n_iterations=-1) (run once: it is
slow). --stable-seeds K also runs both until stable with seeds 1…K on each of those graphs and
prints the modularity per seed, its mean and standard deviation per tool, and the difference of the
means with its standard error: one seed's Q varies by ±0.001 for either tool, so a single run cannot
say which reaches the higher Q. --baseline times an older renkei-bench binary (e.g. main's) on the same graphs in the same
run, so before and after are measured under the same load.

Each graph is timed in --rounds rounds (3 by default); a round runs renkei-bench, the baseline,
NetworKit and igraph in turn, each best of --repeat, so a drift in the machine's speed (this 2-core
VM's varies by tens of percent within minutes) falls on all tools alike. The table gives each tool's
best over all rounds, and for Renkei / NetworKit also the median of the per-round ratios.

Prints wall-clock and CPU seconds and the modularity each tool reaches, the ratio Renkei /
NetworKit PLM for Louvain, and the planted-partition check: NMI between the 20 blocks and the
partition found by `renkei communities --algorithm leiden` (seeds 1–3; target ≥ 0.99), with
igraph's Leiden for comparison. NetworKit uses both cores; Renkei and igraph one.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as driver  # noqa: E402  (shared graph generation and paths)

ROOT = driver.ROOT
OUT = driver.OUT
ALGORITHMS = ["louvain", "leiden", "labelprop"]


def ba_m2(path):
    if not os.path.exists(path):
        import networkx as nx
        g = nx.barabasi_albert_graph(100_000, 2, seed=42)
        with open(path + ".tmp", "w") as f:
            for u, v in g.edges():
                f.write(f"{u} {v}\n")
        os.replace(path + ".tmp", path)
    return path


def nmi(a, b):
    """Arithmetic-mean NMI (Danon et al. 2005) of two labellings."""
    n = len(a)
    from collections import Counter
    ca, cb, cab = Counter(a), Counter(b), Counter(zip(a, b))
    ha = -sum(c / n * math.log(c / n) for c in ca.values())
    hb = -sum(c / n * math.log(c / n) for c in cb.values())
    if ha + hb == 0:
        return 1.0
    mi = sum(c / n * math.log(n * c / (ca[x] * cb[y])) for (x, y), c in cab.items())
    return 2 * mi / (ha + hb)


def peer(tool, path, repeat, stable=False):
    results = []

    def timed(name, fn, quality):
        best = best_cpu = float("inf")
        q = None
        for _ in range(repeat):
            c = time.process_time()
            t = time.perf_counter()
            part = fn()
            best = min(best, time.perf_counter() - t)
            best_cpu = min(best_cpu, time.process_time() - c)
            q = quality(part)
        results.append({"algorithm": name, "seconds": best, "cpu_seconds": best_cpu, "modularity": q})

    if tool == "igraph":
        import igraph as ig
        import random
        random.seed(1)
        g = ig.Graph.Read_Edgelist(path, directed=False)
        timed("louvain", lambda: g.community_multilevel(), lambda p: p.modularity)
        timed("leiden", lambda: g.community_leiden(objective_function="modularity"),
              lambda p: g.modularity(p.membership))
        timed("labelprop", lambda: g.community_label_propagation(), lambda p: p.modularity)
        if stable:
            reps = repeat
            repeat = 1
            timed("leiden_stable", lambda: g.community_leiden(objective_function="modularity", n_iterations=-1),
                  lambda p: g.modularity(p.membership))
            repeat = reps
    else:
        import networkit as nk
        nk.setSeed(1, True)
        g = nk.graphio.EdgeListReader(" ", 0, continuous=True, directed=False).read(path)
        Q = nk.community.Modularity()

        def run(algo):
            algo.run()
            return algo.getPartition()
        timed("louvain", lambda: run(nk.community.PLM(g, refine=False)), lambda p: Q.getQuality(p, g))
        timed("leiden", lambda: run(nk.community.ParallelLeiden(g)), lambda p: Q.getQuality(p, g))
        timed("labelprop", lambda: run(nk.community.PLP(g)), lambda p: Q.getQuality(p, g))
    print(json.dumps({"tool": tool, "peak_rss_mb": driver.peak_rss_mb(), "results": results}))


def result(report, algorithm):
    return next(x for x in report["results"] if x["algorithm"] == algorithm)


def seconds(report, algorithm):
    return result(report, algorithm)["seconds"]


def best_of(reports):
    """One report from several runs of one tool: per algorithm the fastest wall time and, apart,
    the least CPU time; the largest peak memory."""
    merged = dict(reports[0])
    results = []
    for first in reports[0]["results"]:
        alg = first["algorithm"]
        runs = [x for r in reports for x in r["results"] if x["algorithm"] == alg]
        best = dict(min(runs, key=lambda x: x["seconds"]))
        best["cpu_seconds"] = min(x["cpu_seconds"] for x in runs)
        results.append(best)
    merged["results"] = results
    merged["peak_rss_mb"] = max(r["peak_rss_mb"] for r in reports)
    return merged


def stable_seeds(bench, path, k):
    """Q of Leiden until stable for seeds 1…k: renkei-bench `leiden_stable --seed s` and igraph
    community_leiden(n_iterations=-1) after random.seed(s). Returns [(seed, renkei Q, igraph Q)]."""
    import igraph as ig
    import random
    g = ig.Graph.Read_Edgelist(path, directed=False)
    rows = []
    for seed in range(1, k + 1):
        print(f"   until stable, seed {seed}…", file=sys.stderr)
        mine = result(driver.run_json([bench, path, "leiden_stable", "--seed", str(seed)]), "leiden_stable")["checksum"]
        random.seed(seed)
        theirs = g.modularity(g.community_leiden(objective_function="modularity", n_iterations=-1).membership)
        rows.append((seed, mine, theirs))
    return rows


def planted(path):
    if not os.path.exists(path):
        import networkx as nx
        g = nx.planted_partition_graph(20, 50, 0.3, 0.005, seed=42)
        with open(path + ".tmp", "w") as f:
            for u, v in g.edges():
                f.write(f"{u} {v}\n")
        os.replace(path + ".tmp", path)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", help=argparse.SUPPRESS)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds per graph, each timing every tool in turn (default 3)")
    ap.add_argument("--graphs", default="ba10k,ba100k,national,ba100k_m2")
    ap.add_argument("--stable-graphs", default="ba100k_m2")
    ap.add_argument("--stable", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--stable-seeds", type=int, default=0,
                    help="also run Leiden until stable with seeds 1..K on the --stable-graphs (renkei and igraph)")
    ap.add_argument("--baseline", help="an older renkei-bench to time beside this one")
    ap.add_argument("--renkei", help="the renkei binary for `generate` and the planted check (default: the release build)")
    ap.add_argument("rest", nargs="*")
    args = ap.parse_args()
    if args.peer:
        peer(args.peer, args.rest[0], args.repeat, args.stable)
        return

    os.makedirs(OUT, exist_ok=True)
    if not args.skip_build:
        for product in ("renkei-bench", "renkei"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    bench = os.path.join(ROOT, ".build", "release", "renkei-bench")
    renkei = args.renkei or os.path.join(ROOT, ".build", "release", "renkei")

    jobs = []
    for name in args.graphs.split(","):
        if name == "national":
            # igraph's Read_Edgelist takes every number on a line as a vertex, so the `u v w` list
            # that `renkei generate` writes is cut to `u v` (weights are almost all 1) for every tool.
            path = os.path.join(OUT, "national.txt")
            if not os.path.exists(path):
                weighted = os.path.join(OUT, "national-weighted.txt")
                subprocess.run([renkei, "generate", "--scale", "national", "--seed", "1", "--edge-list", weighted],
                               check=True)
                with open(weighted) as src, open(path + ".tmp", "w") as dst:
                    for line in src:
                        u, v, _ = line.split()
                        dst.write(f"{u} {v}\n")
                os.replace(path + ".tmp", path)
            jobs.append((name, path))
        elif name == "ba100k_m2":
            jobs.append((name, ba_m2(os.path.join(OUT, "ba100k_m2.txt"))))
        else:
            jobs.append((name, driver.generate(name)))

    records = []
    for name, path in jobs:
        print(f"== {name}", file=sys.stderr)
        stable = name in args.stable_graphs.split(",")
        rounds = []
        for k in range(max(1, args.rounds)):
            # leiden_stable and igraph's until-stable Leiden are slow: the first round only.
            first = k == 0
            one = {"renkei": driver.run_json([bench, path, *ALGORITHMS,
                                              *(["leiden_stable"] if stable and first else []),
                                              "--repeat", str(args.repeat)]), "peers": {}}
            if args.baseline:
                print(f"   round {k + 1}: baseline…", file=sys.stderr)
                one["baseline"] = driver.run_json([args.baseline, path, *ALGORITHMS, "--repeat", str(args.repeat)])
            for tool in ("networkit", "igraph"):
                print(f"   round {k + 1}: {tool}…", file=sys.stderr)
                one["peers"][tool] = driver.run_json(
                    [sys.executable, os.path.abspath(__file__), "--peer", tool, "--repeat", str(args.repeat),
                     *(["--stable"] if stable and first and tool == "igraph" else []), path])
            rounds.append(one)
        ours = rounds[0]["renkei"]
        row = {"graph": name, "nodes": ours["nodes"], "edges": ours["edges"],
               "renkei": best_of([r["renkei"] for r in rounds]),
               "peers": {t: best_of([r["peers"][t] for r in rounds]) for t in ("networkit", "igraph")},
               "paired": {alg: statistics.median(
                   seconds(r["renkei"], alg) / seconds(r["peers"]["networkit"], alg) for r in rounds)
                   for alg in ALGORITHMS},
               "rounds": len(rounds)}
        if args.baseline:
            row["baseline"] = best_of([r["baseline"] for r in rounds])
        if stable and args.stable_seeds > 0:
            row["stable_seeds"] = stable_seeds(bench, path, args.stable_seeds)
        records.append(row)

    # Planted partition: does Leiden recover the 20 blocks?
    ppath = planted(os.path.join(OUT, "planted20.txt"))
    checks = []
    for seed in (1, 2, 3):
        out = subprocess.run([renkei, "communities", ppath, "--algorithm", "leiden", "--seed", str(seed),
                              "--format", "json"], check=True, capture_output=True, text=True).stdout
        found = {}
        for c, members in enumerate(json.loads(out)["communities"]):
            for v in members:
                found[int(v)] = c
        nodes = sorted(found)
        checks.append(("renkei leiden", seed, nmi([v // 50 for v in nodes], [found[v] for v in nodes]),
                       len(json.loads(out)["communities"])))
    import igraph as ig
    import random
    g = ig.Graph.Read_Edgelist(ppath, directed=False)
    for seed in (1, 2, 3):
        random.seed(seed)
        p = g.community_leiden(objective_function="modularity")
        checks.append(("igraph leiden", seed, nmi([v // 50 for v in range(g.vcount())], p.membership), len(p)))

    with open(os.path.join(OUT, "communities.json"), "w") as f:
        json.dump({"records": records, "planted": checks}, f, indent=1)

    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (2 cores)")
    print()
    print(f"Best of {records[0]['rounds'] if records else 0} rounds × {args.repeat} runs per tool; "
          "the paired ratio is the median over rounds of renkei / networkit in the same round.")
    print()
    print("| graph | algorithm | renkei s (CPU) | renkei Q | networkit s (CPU) | networkit Q | igraph s (CPU) | igraph Q | renkei/networkit | paired | renkei/igraph |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    peer_names = {"louvain": ("PLM", "multilevel"), "leiden": ("ParallelLeiden", "leiden"),
                  "labelprop": ("PLP", "label_propagation")}
    for r in records:
        mine = {x["algorithm"]: x for x in r["renkei"]["results"]}
        for alg in ALGORITHMS:
            m = mine[alg]
            nk_ = result(r["peers"]["networkit"], alg)
            ig_ = result(r["peers"]["igraph"], alg)
            cells = [f"{r['graph']} ({r['nodes']:,} × {r['edges']:,})", f"{alg} (nk {peer_names[alg][0]}, ig {peer_names[alg][1]})",
                     f"{m['seconds']:.3f} ({m['cpu_seconds']:.3f})", f"{m['checksum']:.4f}",
                     f"{nk_['seconds']:.3f} ({nk_['cpu_seconds']:.3f})", f"{nk_['modularity']:.4f}",
                     f"{ig_['seconds']:.3f} ({ig_['cpu_seconds']:.3f})", f"{ig_['modularity']:.4f}",
                     f"{m['seconds'] / nk_['seconds']:.2f}", f"{r['paired'][alg]:.2f}",
                     f"{m['seconds'] / ig_['seconds']:.2f}"]
            print("| " + " | ".join(cells) + " |")
    if any("baseline" in r for r in records):
        print()
        print("Before / after in this run (the --baseline binary against this tree's):")
        print()
        print("| graph | algorithm | before s (CPU) | before Q | after s (CPU) | after Q | after / before | after / networkit |")
        print("|---|---|---|---|---|---|---|---|")
        for r in records:
            mine = {x["algorithm"]: x for x in r["renkei"]["results"]}
            old = {x["algorithm"]: x for x in r["baseline"]["results"]}
            for alg in ALGORITHMS:
                m, o = mine[alg], old[alg]
                nk_ = result(r["peers"]["networkit"], alg)
                print(f"| {r['graph']} | {alg} | {o['seconds']:.3f} ({o['cpu_seconds']:.3f}) | {o['checksum']:.4f} | "
                      f"{m['seconds']:.3f} ({m['cpu_seconds']:.3f}) | {m['checksum']:.4f} | "
                      f"{m['seconds'] / o['seconds']:.2f} | {m['seconds'] / nk_['seconds']:.2f} |")
    stable_rows = [r for r in records if any(x["algorithm"] == "leiden_stable" for x in r["renkei"]["results"])]
    if stable_rows:
        print()
        print("Leiden until stable (renkei `Leiden.untilStable`, igraph n_iterations=-1, run once) beside two iterations:")
        print()
        print("| graph | renkei 2 it. s | Q | renkei stable s (CPU) | Q | igraph 2 it. s | Q | igraph stable s | Q |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in stable_rows:
            mine = {x["algorithm"]: x for x in r["renkei"]["results"]}
            ig_ = {x["algorithm"]: x for x in r["peers"]["igraph"]["results"]}
            print(f"| {r['graph']} | {mine['leiden']['seconds']:.3f} | {mine['leiden']['checksum']:.4f} | "
                  f"{mine['leiden_stable']['seconds']:.3f} ({mine['leiden_stable']['cpu_seconds']:.3f}) | "
                  f"{mine['leiden_stable']['checksum']:.4f} | {ig_['leiden']['seconds']:.3f} | {ig_['leiden']['modularity']:.4f} | "
                  f"{ig_['leiden_stable']['seconds']:.3f} | {ig_['leiden_stable']['modularity']:.4f} |")
    for r in records:
        seeds = r.get("stable_seeds")
        if not seeds:
            continue
        print()
        print(f"Leiden until stable on {r['graph']}, seeds 1–{len(seeds)} (modularity):")
        print()
        print("| seed | renkei Q | igraph Q |")
        print("|---|---|---|")
        for seed, mine, theirs in seeds:
            print(f"| {seed} | {mine:.5f} | {theirs:.5f} |")
        mine = [x[1] for x in seeds]
        theirs = [x[2] for x in seeds]
        if len(seeds) > 1:
            sm, st = statistics.stdev(mine), statistics.stdev(theirs)
            se = math.sqrt(sm ** 2 / len(mine) + st ** 2 / len(theirs))
            print(f"| mean (sd) | {statistics.mean(mine):.5f} ({sm:.5f}) | {statistics.mean(theirs):.5f} ({st:.5f}) |")
            print(f"| min – max | {min(mine):.5f} – {max(mine):.5f} | {min(theirs):.5f} – {max(theirs):.5f} |")
            print()
            print(f"renkei − igraph: {statistics.mean(mine) - statistics.mean(theirs):+.5f} "
                  f"(standard error of the difference {se:.5f})")
    print()
    print("| graph | renkei peak MB | networkit peak MB | igraph peak MB |")
    print("|---|---|---|---|")
    for r in records:
        print(f"| {r['graph']} | {r['renkei']['peak_rss_mb']:.1f} | {r['peers']['networkit']['peak_rss_mb']:.1f} | "
              f"{r['peers']['igraph']['peak_rss_mb']:.1f} |")
    print()
    print("Planted partition (20 blocks × 50, p_in 0.3, p_out 0.005): NMI with the blocks")
    print()
    print("| tool | seed | NMI | communities |")
    print("|---|---|---|---|")
    for tool, seed, value, count in checks:
        print(f"| {tool} | {seed} | {value:.4f} | {count} |")


if __name__ == "__main__":
    main()
