#!/usr/bin/env python3
"""Two builds of breadbox, timed in turns on the same benchmarks.

    python3 Benchmarks/compare.py OLD NEW [names...] [--runs N]

OLD and NEW are breadbox binaries (copy the release build aside before
rebuilding). Each benchmark runs N times (default 7) under each build in
alternation, so that a slow stretch of a shared machine falls on both; the
fastest and the median wall time of each are printed with NEW/OLD. Each
program's output must be the same under both builds.
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
RUNNERS = {"run.py", "instructions.py", "compare.py"}


def timed(binary, path):
    start = time.perf_counter()
    done = subprocess.run([binary, "python", str(path)], capture_output=True, text=True)
    return time.perf_counter() - start, done.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("names", nargs="*")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    paths = sorted(p for p in HERE.glob("*.py") if p.name not in RUNNERS)
    if args.names:
        paths = [p for p in paths if p.stem in args.names]
    status = 0
    print(f"{'benchmark':16} {'old min':>8} {'new min':>8} {'new/old':>7}   {'old med':>8} {'new med':>8} {'new/old':>7}")
    for path in paths:
        times = {args.old: [], args.new: []}
        outputs = {}
        for _ in range(args.runs):
            for binary in (args.old, args.new):
                seconds, out = timed(binary, path)
                times[binary].append(seconds)
                outputs[binary] = out
        if outputs[args.old] != outputs[args.new]:
            print(f"{path.stem}: the builds print different output", file=sys.stderr)
            status = 1
        old, new = times[args.old], times[args.new]
        print(f"{path.stem:16} {min(old):8.3f} {min(new):8.3f} {min(new) / min(old):7.3f}   "
              f"{statistics.median(old):8.3f} {statistics.median(new):8.3f} "
              f"{statistics.median(new) / statistics.median(old):7.3f}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
