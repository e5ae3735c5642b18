#!/usr/bin/env python3
"""How `tadqiq check` and `tadqiq extract` grow with an archive: 1,000 to 100,000 articles.

Each corpus is built from real sentences (the sample story in `examples/`, and the articles the
tests carry in `tests/fixtures/`): an article takes 10-25 of them at random, with years shifted
and figures scaled in some, so the conflict rules have real work (many statements about the
same events, many of them disagreeing). A corpus of N articles has one story of thousands of
sources in one folder (a fifth of N, at most 3,000: every statement meets every other of its
measure and subject, the hardest case for the buckets) and the rest in folders of ten, as a
newsroom's archive keeps them.

For every size it prints, each the best of `--runs`:
- `check --format json --no-cache` (cold: every article analysed) and `extract --format json`:
  wall time, CPU time (user + system, both cores), peak memory (the child's own, from wait4);
- a grep pass over the same files (`grep -r -c` of a common word: every byte read once), and
  each command's time as a multiple of it;
- `check` with the cache (`.tadqiq_cache` in the corpus): filled by one run, then one article
  changed and the archive checked again, as CI does after a commit; its time as a share of
  the cold one;
and at the end the time exponent between sizes: log(t2/t1)/log(n2/n1), 1.0 is linear.

Run: python3 benches/scale.py [--sizes 1000,10000,30000,100000] [--runs 2]
(builds the release binary first; the corpora go to target/bench-scale, about 6 KB an article).
"""
import argparse
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXTS = [os.path.join(ROOT, "examples", "iraq-withdrawal"), os.path.join(ROOT, "tests", "fixtures")]
OUT = os.path.join(ROOT, "target", "bench-scale")
BINARY = os.path.join(ROOT, "target", "release", "tadqiq")


def sentences():
    pool = []
    for top in TEXTS:
        for folder, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                if not name.endswith((".txt", ".md")):
                    continue
                try:
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue  # the fixtures include files that are not text on purpose
                for s in re.split(r"(?<=[.؟!])\s+|\n+", text):
                    s = s.strip()
                    # Arabic prose only: a line of front matter or markup is not a sentence.
                    if len(s) > 20 and len(re.findall(r"[\u0600-\u06FF]", s)) > len(s) // 2:
                        pool.append(s)
    return sorted(set(pool))


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


def article(pool, rng):
    return " ".join(vary(s, rng) for s in rng.sample(pool, rng.randint(10, 25))) + "\n"


def generate(n, pool):
    """The corpus of `n` articles (built once, kept between runs of this script)."""
    folder = os.path.join(OUT, str(n))
    done = os.path.join(folder, ".complete")
    big = min(n // 5, 3000)
    if not os.path.exists(done):
        shutil.rmtree(folder, ignore_errors=True)
        rng = random.Random(n)
        for i in range(n):
            story = "one-story" if i < big else f"story_{(i - big) // 10:05}"
            os.makedirs(os.path.join(folder, story), exist_ok=True)
            with open(os.path.join(folder, story, f"article_{i:06}.txt"), "w", encoding="utf-8") as f:
                f.write(article(pool, rng))
        open(done, "w").close()
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs
               if f.startswith("article_"))
    return folder, size, big


def run(command, cwd):
    """Wall seconds, CPU seconds and peak RSS (MB) of one run of `command`."""
    with open(os.devnull, "wb") as null, open(os.path.join(OUT, "stderr"), "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=null, stderr=err)
        # wait4 gives this child's own peak memory (getrusage would count the cargo build).
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        with open(os.path.join(OUT, "stderr"), encoding="utf-8", errors="replace") as err:
            sys.exit(f"{' '.join(command)} failed ({code}): {err.read()[:500]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(command, cwd, runs, before=None):
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(run(command, cwd))
    return min(results)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,30000,100000")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    pool = sentences()
    print(f"{len(pool)} sentences of real text", flush=True)
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for n in sizes:
        folder, size, big = generate(n, pool)
        cache = os.path.join(folder, ".tadqiq_cache")
        check = [BINARY, "check", "--format", "json", "."]
        grep = best(["grep", "-r", "-c", "-F", "في", "."], folder, args.runs)
        cold = best(check + ["--no-cache"], folder, args.runs)
        extract = best([BINARY, "extract", "--format", "json", "--no-cache", "."], folder, args.runs)
        # The cache filled by one run, then one article edited between runs.
        shutil.rmtree(cache, ignore_errors=True)
        run(check, folder)
        story = os.path.join(folder, "one-story" if big else "story_00000")
        changed = os.path.join(story, sorted(os.listdir(story))[0])
        rng = random.Random(1)

        def edit():
            with open(changed, "w", encoding="utf-8") as f:
                f.write(article(pool, rng))

        warm = best(check, folder, args.runs, before=edit)
        rows.append((n, size, big, grep, cold, extract, warm))
        print(f"{n} articles done", flush=True)

    print()
    print(f"{'articles':>9} {'MB':>6} {'story':>6} | {'grep s':>6} | {'check s':>7} {'CPU s':>6} {'RSS MB':>7} "
          f"{'×grep':>6} | {'extract s':>9} {'RSS MB':>7} {'×grep':>6} | {'re-check s':>10} {'% cold':>6}")
    for n, size, big, grep, cold, extract, warm in rows:
        print(f"{n:>9} {size / 1e6:>6.1f} {big:>6} | {grep[0]:>6.2f} | {cold[0]:>7.2f} {cold[1]:>6.2f} {cold[2]:>7.0f} "
              f"{cold[0] / grep[0]:>6.0f} | {extract[0]:>9.2f} {extract[2]:>7.0f} {extract[0] / grep[0]:>6.0f} | "
              f"{warm[0]:>10.2f} {100 * warm[0] / cold[0]:>6.0f}")
    for (n1, _, _, _, c1, e1, _), (n2, _, _, _, c2, e2, _) in zip(rows, rows[1:]):
        k = math.log(n2 / n1)
        print(f"time exponent {n1}→{n2}: check {math.log(c2[0] / c1[0]) / k:.2f} (CPU {math.log(c2[1] / c1[1]) / k:.2f}), "
              f"extract {math.log(e2[0] / e1[0]) / k:.2f}; memory exponent check "
              f"{math.log(c2[2] / c1[2]) / k:.2f}, extract {math.log(e2[2] / e1[2]) / k:.2f}")


if __name__ == "__main__":
    main()
