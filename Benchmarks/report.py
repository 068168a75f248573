#!/usr/bin/env python3
"""Report benchmark (issue 11): how long `renkei report` takes, and how soon the page is usable.

    python3 Benchmarks/report.py [--skip-build] [--repeat 3]

Times whole processes with a release build (`/usr/bin/time -f "%e %U %S %M"`: wall, user and
system CPU seconds, peak MB; best wall of --repeat):
  seed   `renkei report data/kodoku-koritsu-model-jigyo --out …`
  city   `renkei report CITY --out …`, CITY = `renkei generate --scale city --seed 1`
Then opens each page from file:// in Debian's chromium (Playwright, --no-sandbox) and reads the
page's own `data-ready` mark: milliseconds from navigation start until the script has wired search,
filters and focus (the page is usable). Best of --repeat fresh browser pages.

Goals: seed report < 5 s, city report < 20 s, page usable < 2 s. The load average is printed
beside the figures, since this 2-core machine is often shared with builds.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RENKEI = os.path.join(ROOT, ".build", "release", "renkei")
SEED = os.path.join(ROOT, "data", "kodoku-koritsu-model-jigyo")


def timed(cmd, repeat):
    best = None
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile("r") as t:
            subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M"] + cmd,
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall, user, sys_, rss = t.read().split()[-4:]
            run = (float(wall), float(user) + float(sys_), int(rss) / 1024)
            if best is None or run[0] < best[0]:
                best = run
    return best


def ready_ms(index, repeat):
    from playwright.sync_api import sync_playwright
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium not found (scripts/setup.sh --with-peers installs it)")
    best = None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto("file://" + os.path.abspath(index))
            page.wait_for_selector("html[data-ready]", state="attached", timeout=60000)
            ms = int(page.get_attribute("html", "data-ready"))
            best = ms if best is None else min(best, ms)
            page.close()
        browser.close()
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "renkei"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        city = os.path.join(tmp, "city")
        subprocess.run([RENKEI, "generate", "--scale", "city", "--seed", "1", "--out", city],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print(f"{'dataset':8} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'usable ms':>10}  goals")
        for name, path, goal in (("seed", SEED, 5), ("city", city, 20)):
            out = os.path.join(tmp, "report-" + name)
            wall, cpu, mb = timed([RENKEI, "report", path, "--out", out, "--quiet"], args.repeat)
            ms = ready_ms(os.path.join(out, "index.html"), args.repeat)
            shutil.rmtree(out)
            print(f"{name:8} {wall:7.2f} {cpu:7.2f} {mb:8.0f} {ms:10d}  report < {goal} s, page < 2000 ms")
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
