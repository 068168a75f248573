#!/usr/bin/env python3
"""Opens the seed dataset's `renkei report` page in a real browser and checks what a user sees.

Usage:
    python3 Tests/browser/check_report.py <path-to-renkei-binary> [--screenshot FILE] [--dataset PATH]

Debian's chromium (the binary `which chromium` finds, with --no-sandbox) is driven by Playwright for
Python; no browser is downloaded. The page is opened from file:// and the script checks:

  * no console error and no uncaught exception;
  * no request leaves file:// (the page is self-contained);
  * the heatmap, ranking tables and diagrams are present, with Japanese intact;
  * the figures equal what this script computes itself from the dataset's CSV files (projects,
    organisations, partnerships; for every kind, the number of projects that partner with it,
    leads excluded) and what `renkei stats` / `renkei partners` print as JSON;
  * typing a partner's name (and other spellings: an alias in full-width letters, 社協 for
    社会福祉協議会) into the search box shows its card with its projects;
  * a kind filter shrinks the tables to that kind's rows;
  * a screenshot is saved (--screenshot, default a temporary file).

Exit status 0 when every check passes; the failures are listed otherwise.
"""
import argparse
import collections
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

from playwright.sync_api import sync_playwright

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)
    return condition


def read_csv(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def expected_figures(folder):
    """Counts computed from the CSV files alone."""
    orgs = {r["id"]: r for r in read_csv(folder, "organizations.csv")}
    projects = {r["id"]: r for r in read_csv(folder, "projects.csv")}
    partnerships = read_csv(folder, "partnerships.csv")
    members = collections.defaultdict(set)  # project -> organisations in it other than the lead
    for p in partnerships:
        for v in (p["source"], p["target"]):
            if v != projects[p["project"]]["lead"]:
                members[p["project"]].add(v)
    by_kind = collections.Counter()
    org_projects = collections.defaultdict(set)
    for project, vs in members.items():
        for kind in {orgs[v]["kind"] for v in vs}:
            by_kind[kind] += 1
        for v in vs:
            org_projects[v].add(project)
    in_project = collections.defaultdict(set)  # every project an organisation appears in, lead or not
    for pid, p in projects.items():
        in_project[p["lead"]].add(pid)
    for p in partnerships:
        in_project[p["source"]].add(p["project"])
        in_project[p["target"]].add(p["project"])
    return orgs, projects, partnerships, by_kind, org_projects, in_project


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("renkei")
    ap.add_argument("--dataset", default="data/kodoku-koritsu-model-jigyo")
    ap.add_argument("--screenshot")
    args = ap.parse_args()

    orgs, projects, partnerships, by_kind, org_projects, in_project = expected_figures(args.dataset)
    out = tempfile.mkdtemp(prefix="renkei-report-")
    try:
        subprocess.run([args.renkei, "report", args.dataset, "--out", out, "--quiet"], check=True)
        stats = json.loads(subprocess.run([args.renkei, "stats", args.dataset, "--format", "json"],
                                          check=True, capture_output=True, text=True).stdout)
        partners = json.loads(subprocess.run([args.renkei, "partners", args.dataset, "--by", "kind", "--format", "json"],
                                             check=True, capture_output=True, text=True).stdout)
        # Our own counts agree with what the commands print.
        check(stats["projects"] == len(projects), f"stats projects {stats['projects']} != {len(projects)}")
        check(stats["organizations"] == len(orgs), f"stats organizations {stats['organizations']} != {len(orgs)}")
        check(stats["partnerships"] == len(partnerships), f"stats partnerships {stats['partnerships']} != {len(partnerships)}")
        check({r["kind"]: r["projects"] for r in partners} == dict(by_kind),
              f"partners --by kind {[(r['kind'], r['projects']) for r in partners]} != {dict(by_kind)}")
        run_browser(os.path.join(out, "index.html"), args, orgs, projects, partnerships, by_kind, org_projects, in_project)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("browser report checks passed")


def run_browser(index, args, orgs, projects, partnerships, by_kind, org_projects, in_project):
    chromium = shutil.which("chromium")
    if not check(chromium is not None, "chromium not found (scripts/setup.sh --with-peers installs it)"):
        return
    url = "file://" + os.path.abspath(index)
    console_errors, outside = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
        page.on("pageerror", lambda e: console_errors.append(str(e)))
        page.on("request", lambda r: r.url.startswith("file://") or outside.append(r.url))
        page.goto(url)
        page.wait_for_load_state("load")

        # Japanese intact; dataset and date named.
        check("連携レポート" in page.title(), f"title is {page.title()!r}")
        meta = page.inner_text("header .meta")
        check(args.dataset in meta and "作成日" in meta, f"header does not name the dataset and date: {meta!r}")

        # Overview figures equal the CSV counts.
        figures = page.inner_text("#overview .figures")
        for n, word in [(len(projects), "事業"), (len(orgs), "団体"), (len(partnerships), "連携")]:
            check(f"{n}\n{word}" in figures or f"{n} {word}" in figures, f"overview lacks '{n} {word}': {figures!r}")

        # Heatmap: one row per project, a cell per kind, the numbers written in the cells.
        cells = page.locator("#heatmap svg g.cell").count()
        kinds_in_heatmap = [t.text_content() for t in page.locator("#heatmap svg text[data-kind]").all()]
        check(cells == len(projects) * len(kinds_in_heatmap) and cells > 0,
              f"heatmap has {cells} cells for {len(projects)} projects × {len(kinds_in_heatmap)} kinds")
        check("社協" in kinds_in_heatmap and "行政" in kinds_in_heatmap, f"heatmap kinds {kinds_in_heatmap}")

        # Ranking table by kind: every kind with its project count, share as a percentage.
        rows = page.locator("#t-partner-kinds tbody tr")
        seen = {}
        for i in range(rows.count()):
            tds = rows.nth(i).locator("td").all_inner_texts()
            seen[tds[0]] = (int(tds[1]), tds[2])
        check({k: v[0] for k, v in seen.items()} == dict(by_kind), f"kind table {seen} != {dict(by_kind)}")
        for k, (n, share) in seen.items():
            want = f"{100 * n / len(projects):.1f}%"
            check(share == want, f"share of {k} is {share}, expected {want}")

        # Diagrams: network, sector summary, one per project.
        check(page.locator("#net svg g.node").count() == len(orgs), "network diagram does not show every organisation")
        check(page.locator(".sectors svg").count() == 1, "sector summary missing")
        check(page.locator(".gallery figure svg").count() == len(projects), "not every project's diagram is in the gallery")
        check(page.locator("#projects article.project").count() == len(projects), "not every project has a section")
        check("連携ネットワーク" in page.inner_text("#net"), "network diagram title lost its Japanese")

        # Search by a partner's name: the most frequent partner organisation.
        top = max(org_projects, key=lambda v: (len(org_projects[v]), v))
        name = orgs[top]["name"]
        page.fill("#q", name)
        card = page.locator("#card")
        check(card.is_visible(), "no card after typing a partner's name")
        text = card.inner_text()
        check(name in text, f"card does not name {name}: {text[:200]!r}")
        for pid in in_project[top]:
            check(pid in page.locator("#card .card-projects").inner_text(), f"card of {name} lacks project {pid}")
        check(page.locator(f"#net g.node.hl").count() == 1, "searched organisation not highlighted in the network")

        # Another spelling: an alias typed in full-width letters.
        alias_org = next((o for o in orgs.values() if o["aliases"] and o["aliases"].isascii()), None)
        if check(alias_org is not None, "seed dataset has no ASCII alias to search for"):
            wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in alias_org["aliases"].split(";")[0])
            page.fill("#q", wide)
            check(alias_org["name"] in page.inner_text("#card h3"), f"full-width alias {wide} did not find {alias_org['name']}")
        # 社協 for 社会福祉協議会.
        shakyo = next((o for o in orgs.values() if o["name"].endswith("社会福祉協議会") and o["generic"] == "false"), None)
        if check(shakyo is not None, "seed dataset has no 社会福祉協議会"):
            short = shakyo["name"].replace("社会福祉協議会", "社協")
            page.fill("#q", short)
            check(shakyo["name"] in page.inner_text("#card h3"), f"{short} did not find {shakyo['name']}")

        # Focus: only the organisation and its partners one step away stay in the network.
        page.fill("#q", name)
        page.click("#card .actions button:has-text('1 段階')")
        neighbours = {top}
        for x in partnerships:
            if top in (x["source"], x["target"]):
                neighbours.update((x["source"], x["target"]))
        shown = page.locator("#net g.node:not(.off)").count()
        check(shown == len(neighbours), f"focus shows {shown} organisations, expected {len(neighbours)}")
        page.click("#card .actions button:has-text('解除')")

        # Kind filter: the organisation table shrinks to that kind's rows.
        table = "#t-partner-orgs tbody tr"
        before = page.locator(f"{table}:not([hidden])").count()
        kind = "社協"
        page.select_option("#f-kind", kind)
        after = page.locator(f"{table}:not([hidden])").count()
        want = len([v for v in org_projects if orgs[v]["kind"] == kind])
        check(after < before, f"kind filter did not shrink the table ({before} → {after})")
        check(after == want, f"kind filter shows {after} rows, expected {want} partner organisations of kind {kind}")
        kinds_after = page.locator("#t-partner-kinds tbody tr:not([hidden]) td:first-child").all_inner_texts()
        check(kinds_after == [kind], f"kind table after filtering shows {kinds_after}")
        page.select_option("#f-kind", "")
        check(page.locator(f"{table}:not([hidden])").count() == before, "clearing the filter did not restore the table")

        # Keyboard: the search box and filters are reachable with Tab.
        page.fill("#q", "")
        page.focus("#q")
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "f-kind":
                break
        check(page.evaluate("document.activeElement.id") == "f-kind", "Tab from the search box does not reach the kind filter")
        page.keyboard.press("ArrowDown")
        check(page.eval_on_selector("#f-kind", "s => s.value") != "", "the kind filter does not respond to the keyboard")
        check(page.locator(f"{table}:not([hidden])").count() < before, "choosing a kind with the keyboard did not filter")
        page.select_option("#f-kind", "")

        # The screenshot for the README: a search with its card.
        page.fill("#q", "")
        page.fill("#q", shakyo["name"].replace("社会福祉協議会", "社協") if shakyo else name)
        page.evaluate("window.scrollTo(0, 0)")
        shot = args.screenshot or os.path.join(tempfile.gettempdir(), "renkei-report.png")
        page.screenshot(path=shot)
        print("screenshot:", shot)
        browser.close()
    check(not console_errors, f"console errors: {console_errors}")
    check(not outside, f"requests left file://: {outside}")


if __name__ == "__main__":
    main()
