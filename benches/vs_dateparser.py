#!/usr/bin/env python3
"""tadqiq against Python's dateparser on the same Arabic text, in one run.

dateparser (`search_dates(text, languages=['ar'])`) is the usual way to find dates in Arabic
text from Python. This script installs it in a local venv (target/bench-venv), builds the
release binary, and on the sample articles reports:

- throughput of each, in KB/s, and the ratio, by wall time (tadqiq on every core) and per
  core (tadqiq's CPU time, user and system, against dateparser's one core): first for the same job, finding dates
  (`tadqiq extract --kind date --format json`), then for tadqiq's whole pipeline (dates,
  figures, durations and entities, `tadqiq extract --format json`) against the same dateparser
  time;
- how many dates each finds, and how many of tadqiq's dates dateparser also finds with the
  same value (at the precision the text gives), with the ones it misses listed.

Run: python3 benches/vs_dateparser.py   [--copies N]  (N copies of the sample for tadqiq's
timing, default 200, so process start-up does not count)
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "examples", "iraq-withdrawal")
VENV = os.path.join(ROOT, "target", "bench-venv")
WORK = os.path.join(ROOT, "target", "bench-dateparser")
BINARY = os.path.join(ROOT, "target", "release", "tadqiq")
DATEPARSER = "dateparser==1.2.2"

# Runs inside the venv: dateparser over each article, timed, results as JSON on stdout.
PEER = r"""
import json, sys, time
from dateparser.search import search_dates
paths = sys.argv[1:]
texts = [open(p, encoding="utf-8").read() for p in paths]
search_dates("5 يناير 2020", languages=["ar"])  # loads its language data before timing
best = None
for _ in range(3):
    start = time.perf_counter()
    found = [search_dates(t, languages=["ar"]) or [] for t in texts]
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(json.dumps({
    "seconds": best,
    "found": {p: [[s, d.strftime("%Y-%m-%d")] for s, d in f] for p, f in zip(paths, found)},
}, ensure_ascii=False))
"""


def venv_python():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    probe = subprocess.run([python, "-c", "import dateparser; print(dateparser.__version__)"], capture_output=True, text=True)
    if probe.returncode != 0 or probe.stdout.strip() != DATEPARSER.split("==")[1]:
        subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", DATEPARSER], check=True)
    return python


def articles():
    return sorted(os.path.join(SAMPLE, n) for n in os.listdir(SAMPLE) if n.endswith(".txt"))


def tadqiq_dates(paths):
    """Every date tadqiq finds, per file name, as (text, value)."""
    out = subprocess.run([BINARY, "extract", "--format", "json", *paths], capture_output=True, check=True)
    dates = {}
    for f in json.loads(out.stdout)["files"]:
        name = os.path.basename(f["path"])
        dates[name] = [(m["text"], m["value"]) for m in f["mentions"] if m["kind"] == "date" and m.get("value")]
    return dates


def copy_sample(paths, copies):
    """`copies` copies of the articles in one folder, as a newsroom's archive would be."""
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    for i in range(copies):
        for p in paths:
            shutil.copy(p, os.path.join(WORK, f"{i:04}_{os.path.basename(p)}"))


def tadqiq_seconds(extra):
    """Best of five runs of `tadqiq extract --format json --no-cache [extra]` over the copies:
    (wall seconds, CPU seconds on every core). No cache: every copy is analysed."""
    best = None
    for _ in range(5):
        start = time.perf_counter()
        child = subprocess.Popen([BINARY, "extract", "--format", "json", "--no-cache", *extra, WORK],
                                 stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit("tadqiq extract failed")
        run = (elapsed, usage.ru_utime + usage.ru_stime)
        best = run if best is None or run < best else best
    return best


def same_value(tadqiq_value, dateparser_day):
    """dateparser fills a missing day or month from today; compare at tadqiq's precision."""
    return dateparser_day.startswith(tadqiq_value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet", "--bin", "tadqiq"], cwd=ROOT, check=True)
    python = venv_python()
    paths = articles()
    size = sum(os.path.getsize(p) for p in paths)

    peer = json.loads(subprocess.run([python, "-c", PEER, *paths], capture_output=True, check=True, text=True).stdout)
    copy_sample(paths, args.copies)
    dates_only = tadqiq_seconds(["--kind", "date"])
    whole = tadqiq_seconds([])
    shutil.rmtree(WORK, ignore_errors=True)
    dates = tadqiq_dates(paths)

    peer_rate = size / peer["seconds"] / 1024
    print(f"text: {len(paths)} sample articles, {size / 1024:.1f} KB")
    print(f"dateparser:                {peer_rate:10.1f} KB/s  (one copy in {peer['seconds']:.3f} s; dates)")
    # dateparser runs on one core; tadqiq on every core. Per core compares CPU time with CPU
    # time: the work each does for the same text.
    cores = os.cpu_count() or 1
    for name, (seconds, cpu) in [("tadqiq, dates", dates_only), ("tadqiq, whole pipeline", whole)]:
        rate = size * args.copies / seconds / 1024
        per_core = size * args.copies / cpu / 1024
        print(f"{name + ':':<26} {rate:10.1f} KB/s  ({args.copies} copies in {seconds:.3f} s on {cores} cores; "
              f"{rate / peer_rate:.0f}x dateparser; per core {per_core:.1f} KB/s, "
              f"{per_core / peer_rate:.0f}x)")

    total = both = peer_total = 0
    missed, figures = [], []
    for path in paths:
        name = os.path.basename(path)
        found = peer["found"][path]
        peer_total += len(found)
        # «3000 جندي» read as the year 3000: a figure taken for a date.
        figures += [f"«{text}» ({day})" for text, day in found if not 1900 <= int(day[:4]) <= 2100]
        for text, value in dates.get(name, []):
            total += 1
            if any(same_value(value, day) for _, day in found):
                both += 1
            else:
                missed.append(f"{name[:3]}: «{text}» ({value})")
    print(f"dates: tadqiq finds {total}; dateparser returns {peer_total} matches, "
          f"and finds {both} of tadqiq's {total} with the same value")
    for line in missed:
        print(f"  dateparser misses {line}")
    print(f"dateparser takes {len(figures)} figures for years: {', '.join(figures)}")


if __name__ == "__main__":
    main()
