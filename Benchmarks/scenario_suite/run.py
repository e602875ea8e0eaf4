#!/usr/bin/env python3
"""The examples' scenario suite: its wall time, and scenarios a minute.

    python3 Benchmarks/scenario_suite/run.py [--breadbox PATH] [--repeat N] [--copies K]

Runs `breadbox test` (default PATH: .build/release/breadbox) on every example
that has a `scenarios/` folder, as the examples' CI workflow does (after
`breadbox lib install -r requirements.txt` where an example has one, untimed):

  suite:       the examples once, N times (default 5); min/median wall time
               and the virtual time the scenarios covered;
  throughput:  the examples K times over in one `breadbox test` (default 10),
               so every core stays busy; scenarios a minute from its wall time.

Every scenario must pass; a failure stops the benchmark with status 1.
"""
import argparse
import os
import pathlib
import re
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
LINE = re.compile(r"^PASS (\S+) \(virtual ([0-9.]+)s, wall ([0-9.]+)s\)$")


def projects():
    examples = ROOT / "Firmware" / "examples"
    return sorted(str(p.parent.relative_to(ROOT)) for p in examples.rglob("scenarios") if p.is_dir())


def run(breadbox, args):
    t0 = time.perf_counter()
    p = subprocess.run([breadbox, "test", *args], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"breadbox test failed ({p.returncode}):\n{p.stdout}{p.stderr}")
    passed = [LINE.match(l) for l in p.stdout.splitlines()]
    passed = [m for m in passed if m]
    return wall, passed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--breadbox", default=str(ROOT / ".build" / "release" / "breadbox"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--copies", type=int, default=10)
    a = ap.parse_args()
    if not os.access(a.breadbox, os.X_OK):
        sys.exit(f"{a.breadbox} is not built (swift build -c release --product breadbox)")
    names = projects()
    for name in names:
        requirements = ROOT / name / "requirements.txt"
        if requirements.exists():
            p = subprocess.run([a.breadbox, "lib", "install", "-r", str(requirements), "--project", name],
                               cwd=ROOT, capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"breadbox lib install failed for {name}:\n{p.stdout}{p.stderr}")

    walls = []
    for _ in range(a.repeat):
        wall, passed = run(a.breadbox, names)
        walls.append(wall)
    virtual = sum(float(m.group(2)) for m in passed)
    print(f"suite: {len(passed)} scenarios in {len(names)} projects, {virtual:.1f} s of virtual time")
    print(f"  wall time over {a.repeat} runs: min {min(walls):.3f} s, median {statistics.median(walls):.3f} s "
          f"({virtual / statistics.median(walls):.0f}x real time)")

    wall, passed = run(a.breadbox, names * a.copies)
    print(f"throughput: {len(passed)} scenarios in {wall:.2f} s on {os.cpu_count()} cores: "
          f"{len(passed) / wall * 60:.0f} scenarios a minute")


if __name__ == "__main__":
    main()
