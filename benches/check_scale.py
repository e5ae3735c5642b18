#!/usr/bin/env python3
"""`tadqiq check` over 1,000 and 10,000 articles: wall time, CPU time and peak memory.

The articles are built from the sample's real sentences: each takes 10-25 sentences at
random, with years shifted and figures scaled in some of them, so the conflict rules have
real work (many claims about the same events, many of them disagreeing). Two layouts:
- one story: every article in one folder, so all of them are sources of one story and every
  statement meets every other of its measure and subject (the hardest case for the buckets);
- stories of 10: folders of ten articles each, as a newsroom's archive keeps them.
CPU time (user + system) is printed beside wall time: on a shared machine, wall time waits
for other work.

Run: python3 benches/check_scale.py   (builds the release binary first)
"""
import os
import random
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "examples", "iraq-withdrawal")
OUT = os.path.join(ROOT, "target", "bench-check")
BINARY = os.path.join(ROOT, "target", "release", "tadqiq")


def sentences():
    pool = []
    for name in sorted(os.listdir(SAMPLE)):
        with open(os.path.join(SAMPLE, name), encoding="utf-8") as f:
            text = f.read()
        pool += [s.strip() for s in re.split(r"(?<=[.؟!])\s+|\n+", text) if len(s.strip()) > 20]
    return pool


def vary(sentence, rng):
    def number(m):
        digits = m.group(0)
        value = int(digits)
        if 1900 <= value <= 2100 and rng.random() < 0.2:
            return str(value + rng.choice([-2, -1, 1, 2]))
        if value > 10 and rng.random() < 0.2:
            return str(int(value * rng.choice([0.5, 0.8, 1.2, 2])))
        return digits

    return re.sub(r"\d+", number, sentence)


def generate(n, pool, rng, per_story=None):
    folder = os.path.join(OUT, f"{n}" if per_story is None else f"{n}-stories")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    total = 0
    for i in range(n):
        body = " ".join(vary(s, rng) for s in rng.sample(pool, rng.randint(10, 25)))
        story = "" if per_story is None else f"story_{i // per_story:05}"
        os.makedirs(os.path.join(folder, story), exist_ok=True)
        path = os.path.join(folder, story, f"article_{i:05}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body + "\n")
        total += len(body.encode("utf-8"))
    return folder, total


def main():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    rng = random.Random(7)
    pool = sentences()
    rows = []
    for layout, per_story in (("one story", None), ("stories of 10", 10)):
        for n in (1000, 10000):
            folder, size = generate(n, pool, rng, per_story)
            name = os.path.basename(folder)
            out_path, err_path = os.path.join(OUT, f"{name}.json"), os.path.join(OUT, f"{name}.stderr")
            with open(out_path, "wb") as out, open(err_path, "wb") as err:
                start = time.perf_counter()
                child = subprocess.Popen([BINARY, "check", "--format", "json", folder], stdout=out, stderr=err)
                # wait4 gives this child's own peak memory (getrusage would count the cargo build).
                _, status, usage = os.wait4(child.pid, 0)
                seconds = time.perf_counter() - start
                code = os.waitstatus_to_exitcode(status)
            if code not in (0, 1):
                with open(err_path, encoding="utf-8", errors="replace") as err:
                    sys.exit(f"tadqiq check failed ({code}): {err.read()[:500]}")
            peak_mb = usage.ru_maxrss / 1024
            cpu = usage.ru_utime + usage.ru_stime
            with open(out_path, "rb") as out:
                findings = out.read().count(b'"code":')
            rows.append((layout, n, size / 1e6, seconds, cpu, peak_mb, findings))
    print(f"{'layout':>14} {'articles':>9} {'MB':>6} {'wall s':>7} {'CPU s':>6} {'peak RSS MB':>12} {'findings':>9}")
    for layout, n, mb, s, cpu, rss, findings in rows:
        print(f"{layout:>14} {n:>9} {mb:>6.1f} {s:>7.2f} {cpu:>6.2f} {rss:>12.0f} {findings:>9}")
    for layout in ("one story", "stories of 10"):
        small, large = [r for r in rows if r[0] == layout]
        print(f"{layout}: CPU ratio 10,000/1,000 articles {large[4] / small[4]:.1f}, "
              f"wall {large[3] / small[3]:.1f} (10.0 is linear)")


if __name__ == "__main__":
    main()
