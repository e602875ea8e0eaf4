#!/usr/bin/env python3
"""Instruction counts of the benchmarks: Breadbox against CPython, under callgrind.

    python3 Benchmarks/instructions.py [--breadbox PATH] [--divide N] [--markdown] [names...]

Wall times on a shared 2-core machine move by 10-30 % between runs, which hides
most single changes; the number of instructions a program executes does not move.
This runs each benchmark (Benchmarks/<name>.py, default: all) with its REPEAT
divided by N (default 8, so callgrind's 50-fold slowdown stays bearable) under
`valgrind --tool=callgrind`, for Breadbox and for CPython (python3 as its
sys.executable, past any pyenv shim), and prints both counts and their ratio.
Start-up is included in both. The outputs must be equal, as in run.py.

An instruction is not a unit of time: cache misses, branch mispredictions and
atomic reference counting cost more in one interpreter than the other, so these
ratios run below the wall-time ratios of run.py. Use them to see what a change
does; use run.py for what a user waits.

Needs valgrind (Debian package). Callgrind cannot read the debug information of
Swift binaries, so the breadbox binary is copied without it (objcopy --strip-debug).
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import benchmark_paths, geomean, unshimmed  # noqa: E402


def count_instructions(argv):
    """(instructions, stdout) of running argv under callgrind."""
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                       capture_output=True, text=True)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", p.stderr)
    if p.returncode != 0 or refs is None:
        raise SystemExit(f"{' '.join(argv)} failed:\n{p.stderr[-2000:]}")
    return int(refs.group(1).replace(",", "")), p.stdout


def shortened(source, divide):
    """The program with its `REPEAT = n` line divided (at least 1)."""
    return re.sub(r"^REPEAT = (\d+)", lambda m: f"REPEAT = {max(1, int(m.group(1)) // divide)}",
                  source, count=1, flags=re.M)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--breadbox", default=".build/release/breadbox")
    ap.add_argument("--divide", type=int, default=8)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    paths = [HERE / f"{n}.py" for n in a.names] if a.names else benchmark_paths()
    python = unshimmed("python3")
    rows, mismatches = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        breadbox = pathlib.Path(tmp) / "breadbox"
        subprocess.run(["objcopy", "--strip-debug", a.breadbox, str(breadbox)], check=True)
        for path in paths:
            program = pathlib.Path(tmp) / path.name
            program.write_text(shortened(path.read_text(), a.divide))
            ours, out = count_instructions([str(breadbox), "python", str(program)])
            theirs, reference = count_instructions([python, str(program)])
            if out != reference:
                mismatches += 1
                print(f"!!!!!! OUTPUT MISMATCH in {path.stem}: {out.strip()!r} != {reference.strip()!r}",
                      file=sys.stderr)
            rows.append((path.stem, ours, theirs, ours / theirs))
            if not a.markdown:
                print(f"  {path.stem}: done", file=sys.stderr)
    mean = geomean([r[3] for r in rows])
    if a.markdown:
        print("| benchmark | breadbox M instructions | cpython M instructions | breadbox/cpython |")
        print("|---|---:|---:|---:|")
        for name, ours, theirs, ratio in rows:
            print(f"| {name} | {ours / 1e6:,.0f} | {theirs / 1e6:,.0f} | {ratio:.2f} |")
        print(f"| geometric mean |  |  | {mean:.2f} |")
    else:
        for name, ours, theirs, ratio in rows:
            print(f"{name:16} {ours / 1e6:10,.0f} M {theirs / 1e6:10,.0f} M {ratio:6.2f}")
        print(f"{'geometric mean':16} {'':12} {'':12} {mean:6.2f}")
    if mismatches:
        sys.exit(1)


if __name__ == "__main__":
    main()
