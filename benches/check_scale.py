#!/usr/bin/env python3
"""`tadqiq check` over 1,000 and 10,000 articles: wall time and peak memory.

The articles are built from the sample's real sentences: each takes 10-25 sentences at
random, with years shifted and figures scaled in some of them, so the conflict rules have
real work (many claims about the same events, many of them disagreeing).

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


def generate(n, pool, rng):
    folder = os.path.join(OUT, str(n))
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    total = 0
    for i in range(n):
        body = " ".join(vary(s, rng) for s in rng.sample(pool, rng.randint(10, 25)))
        path = os.path.join(folder, f"article_{i:05}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body + "\n")
        total += len(body.encode("utf-8"))
    return folder, total


def main():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    rng = random.Random(7)
    pool = sentences()
    rows = []
    for n in (1000, 10000):
        folder, size = generate(n, pool, rng)
        out_path, err_path = os.path.join(OUT, f"{n}.json"), os.path.join(OUT, f"{n}.stderr")
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.perf_counter()
            child = subprocess.Popen([BINARY, "check", "--format", "json", folder], stdout=out, stderr=err)
            # wait4 gives this child's own peak memory (getrusage would count the cargo build).
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
            child.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            with open(err_path, encoding="utf-8", errors="replace") as err:
                sys.exit(f"tadqiq check failed ({code}): {err.read()[:500]}")
        peak_mb = usage.ru_maxrss / 1024
        with open(out_path, "rb") as out:
            run_stdout = out.read()
        findings = run_stdout.count(b'"code":')
        rows.append((n, size / 1e6, seconds, peak_mb, findings))
    print(f"{'articles':>9} {'MB':>6} {'seconds':>8} {'peak RSS MB':>12} {'findings':>9}")
    for n, mb, s, rss, findings in rows:
        print(f"{n:>9} {mb:>6.1f} {s:>8.2f} {rss:>12.0f} {findings:>9}")
    ratio = rows[1][2] / rows[0][2]
    print(f"time ratio 10,000/1,000 articles: {ratio:.1f} (10.0 is linear)")


if __name__ == "__main__":
    main()
