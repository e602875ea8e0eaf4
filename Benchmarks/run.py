#!/usr/bin/env python3
"""Benchmark runner: Breadbox against CPython and MicroPython.

    python3 Benchmarks/run.py [--breadbox-cmd 'CMD'] [--breadbox PATH] [--repeat N]
                              [--markdown] [names...]

Each benchmark (Benchmarks/<name>.py, default: all) runs with
  breadbox:     CMD FILE          (default CMD: '.build/release/breadbox python';
                                   --breadbox PATH is shorthand for 'PATH python')
  cpython:      python3 FILE
  micropython:  micropython FILE
Each is run as what it resolves to, not through a pyenv shim (a bash script
that took 130 ms a run here, counted against CPython and MicroPython): python3
as its sys.executable, micropython as `pyenv which micropython` names it.
An interpreter that is not installed is skipped (and said so). Each run is repeated
N times (default 3) and the best wall time is kept. The outputs of all interpreters
must be equal; a mismatch is reported loudly and the runner exits with status 1.
"""
import argparse
import math
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent


# The runners themselves; every other .py file here is a benchmark.
RUNNERS = {"run.py", "instructions.py", "compare.py"}


def benchmark_paths():
    return sorted(p for p in HERE.glob("*.py") if p.name not in RUNNERS)


def available(argv0):
    return shutil.which(argv0) is not None or os.access(argv0, os.X_OK)


def unshimmed(name):
    """The program `name` runs, past a pyenv shim in front of it (or `name`)."""
    path = shutil.which(name)
    if path is None:
        return name
    if name == "python3":
        out = subprocess.run([path, "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True).stdout.strip()
        return out or path
    if "/.pyenv/shims/" in path:
        out = subprocess.run(["pyenv", "which", name], capture_output=True, text=True).stdout.strip()
        return out or path
    return path


def time_run(cmd, path, repeat, timeout):
    best, out, err = None, None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd + [str(path)], capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, "<timeout>", ""
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            return None, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
        out = p.stdout.decode("utf-8", "replace")
        best = dt if best is None else min(best, dt)
    return best, out, err


def fmt(v, digits=3):
    return "-" if v is None else f"{v:.{digits}f}"


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--breadbox-cmd", default=None,
                    help="command for Breadbox, split with shlex, file appended "
                         "(default '.build/release/breadbox python')")
    ap.add_argument("--breadbox", default=None, help="path of the breadbox binary (runs 'PATH python FILE')")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()

    if a.breadbox_cmd is not None:
        bb_cmd = shlex.split(a.breadbox_cmd)
    elif a.breadbox is not None:
        bb_cmd = [a.breadbox, "python"]
    else:
        bb_cmd = [".build/release/breadbox", "python"]
    runtimes = [("breadbox", bb_cmd), ("cpython", [unshimmed("python3")]),
                ("micropython", [unshimmed("micropython")])]
    active = []
    for name, cmd in runtimes:
        if available(cmd[0]):
            active.append((name, cmd))
        else:
            print(f"note: {name} ({cmd[0]}) is not installed; skipping it", file=sys.stderr)

    names = a.names or [p.stem for p in benchmark_paths()]
    rows = []
    mismatches = 0
    for bench in names:
        path = HERE / (bench if bench.endswith(".py") else bench + ".py")
        if not path.exists():
            print(f"error: no benchmark {path}", file=sys.stderr)
            sys.exit(2)
        times, outs = {}, {}
        for name, cmd in active:
            t, out, err = time_run(cmd, path, a.repeat, a.timeout)
            times[name] = t
            outs[name] = out
            if t is None:
                last = (err or out or "").strip().splitlines()[-1:] or ["?"]
                print(f"!! {path.stem}: {name} failed: {last[0]}", file=sys.stderr)
        ok = {n: o for n, o in outs.items() if times[n] is not None}
        reference = ok.get("cpython", next(iter(ok.values()), None))
        bad = [n for n, o in ok.items() if o != reference]
        if bad:
            mismatches += 1
            print(f"!!!!!! OUTPUT MISMATCH in {path.stem}: " +
                  "; ".join(f"{n}={outs[n].strip()!r}" for n in ok), file=sys.stderr)
        b, c, m = times.get("breadbox"), times.get("cpython"), times.get("micropython")
        rows.append((path.stem + (" (MISMATCH)" if bad else ""), b, c, m,
                     b / c if b and c else None, b / m if b and m else None))
        if not a.markdown:
            print(f"  {path.stem}: done", file=sys.stderr)

    g1 = geomean([r[4] for r in rows])
    g2 = geomean([r[5] for r in rows])
    gc = geomean([r[3] / r[2] for r in rows if r[2] and r[3]])
    head = ["benchmark", "breadbox s", "cpython s", "micropython s", "breadbox/cpython", "breadbox/micropython"]
    body = [[r[0], fmt(r[1]), fmt(r[2]), fmt(r[3]), fmt(r[4], 2), fmt(r[5], 2)] for r in rows]
    foot = ["geometric mean", "", "", "", fmt(g1, 2), fmt(g2, 2)]
    if a.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
        for r in body + [foot]:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(str(x[i])) for x in [head] + body + [foot]) for i in range(len(head))]
        line = lambda r: "  ".join(str(v).ljust(widths[0]) if i == 0 else str(v).rjust(widths[i])
                                   for i, v in enumerate(r))
        print(line(head))
        print("-" * len(line(head)))
        for r in body:
            print(line(r))
        print("-" * len(line(head)))
        print(line(foot))
    if gc is not None:
        print(f"\n(micropython/cpython geometric mean: {gc:.2f})")
    if mismatches:
        print(f"\n!!!!!! {mismatches} benchmark(s) produced mismatching output", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
