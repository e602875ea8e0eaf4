#!/usr/bin/env python3
"""Run the conformance corpus against any Python and compare with the `.exp` files.

    python3 Tests/run_conformance.py --runtime '.build/debug/breadbox python' [PATHS...]
    python3 Tests/run_conformance.py --runtime micropython

Each program (a `.py` with a `.py.exp` beside it; PATHS default to
Tests/Conformance) runs as `RUNTIME name.py` in its own folder, with a 10 s limit,
and its stdout must equal the `.exp` byte for byte (stderr is not compared). Prints
one line per failing program and a count; exits 1 if anything failed. The test
suite runs the same corpus in process (`ConformanceTests`); this is for running it
against a built binary or another interpreter.
"""
import argparse, pathlib, shlex, subprocess, sys

CORPUS = pathlib.Path(__file__).resolve().parent / "Conformance"


def programs(paths):
    for p in paths:
        for f in sorted(p.rglob("*.py")) if p.is_dir() else [p]:
            if f.with_name(f.name + ".exp").exists():
                yield f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runtime", required=True, help="command that runs a .py file")
    ap.add_argument("paths", nargs="*", type=pathlib.Path)
    a = ap.parse_args()
    command = shlex.split(a.runtime)
    if command and "/" in command[0]:
        command[0] = str(pathlib.Path(command[0]).resolve())  # the program runs in its own folder
    passed, failed = 0, 0
    for f in programs([p.resolve() for p in a.paths] or [CORPUS]):
        want = f.with_name(f.name + ".exp").read_bytes()
        try:
            got = subprocess.run(command + [f.name], cwd=f.parent, capture_output=True, timeout=10).stdout
        except subprocess.TimeoutExpired:
            got = None
        if got == want:
            passed += 1
            continue
        failed += 1
        if got is None:
            print(f"FAIL {f}: timeout")
            continue
        g, w = got.decode("utf-8", "replace").splitlines(), want.decode("utf-8", "replace").splitlines()
        i = next((i for i in range(max(len(g), len(w))) if i >= len(g) or i >= len(w) or g[i] != w[i]), None)
        if i is None:
            print(f"FAIL {f}: same lines, different bytes (line endings or the last newline)")
            continue
        print(f"FAIL {f}: line {i + 1}: got {g[i] if i < len(g) else '<end>'!r}, "
              f"want {w[i] if i < len(w) else '<end>'!r}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
