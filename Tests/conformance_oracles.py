#!/usr/bin/env python3
"""Regenerate `.py.exp` files of the conformance corpus with CPython and list the
files whose MicroPython output differs.

    python3 Tests/conformance_oracles.py [--write] [--only-missing] [PATHS...]

Without PATHS it walks Tests/Conformance. Helper modules (files inside a folder
named like a package, i.e. with no `.exp` and under `pkg`/`mods` folders) are skipped.
"""
import argparse, pathlib, shutil, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent / "Conformance"
# Files whose oracle is MicroPython, not CPython (the boards' behaviour; see ORACLES.md).
MICROPYTHON_ORACLE = {"exceptions/exception_repr.py", "functions/micropython_emitter_decorators.py",
                      "modules/ordereddict_repr.py", "classes/class_and_super_repr.py",
                      "modules/gc_threshold_and_slice_hash.py",
                      "modules/stream_subclass_and_print_file.py",
                      "floats/fixed_format_overflows_to_exponent.py",
                      "modules/micropython_opt_level_and_float_const.py",
                      "generators/generator_pend_throw.py",
                      "comprehensions/walrus_rebinds_outer_comprehension_variable.py",
                      "functions/bare_star_without_named_parameters.py",
                      "modules/micropython_ringio.py",
                      "modules/vfs_module_and_execfile.py",
                      "modules/python_stream_lengths.py",
                      "exceptions/raise_incomplete_exception.py",
                      "modules/micropython_const.py",
                      "modules/stream_write_extended.py",
                      "modules/vfs_mount_python_object.py"}

def run(cmd, path):
    try:
        p = subprocess.run([cmd, path.name], cwd=path.parent, capture_output=True, timeout=20)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "<timeout>"

def is_helper(path):
    # Helper modules live in package folders below a topic (imports/pkg/...,
    # imports/modhelper/...); a topic's own programs are never helpers.
    parts = path.relative_to(ROOT).parts
    return any(part.startswith(("pkg", "mod")) for part in parts[1:-1])

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write .exp from CPython")
    ap.add_argument("--only-missing", action="store_true")
    ap.add_argument("paths", nargs="*")
    a = ap.parse_args()
    paths = [pathlib.Path(p).resolve() for p in a.paths] or [ROOT]
    files = []
    for p in paths:
        files += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    mp = shutil.which("micropython")
    differ = []
    for f in files:
        if is_helper(f):
            continue
        exp = f.with_name(f.name + ".exp")
        if a.only_missing and exp.exists():
            continue
        oracle = "micropython" if str(f.relative_to(ROOT)) in MICROPYTHON_ORACLE else "python3"
        rc, out = run(oracle, f)
        if rc != 0 and not f.name.startswith("uncaught_"):  # uncaught_*: exit status is part of the test
            print(f"CPYTHON-FAIL {f.relative_to(ROOT)} exit {rc}")
            continue
        if a.write:
            exp.write_text(out)
        elif exp.exists() and exp.read_text() != out:
            print(f"CPYTHON-MISMATCH {f.relative_to(ROOT)}")
        if mp:
            mrc, mout = run(mp, f)
            if mout != out:
                got, want = mout.splitlines(), out.splitlines()
                i = next((i for i in range(max(len(got), len(want)))
                          if i >= len(got) or i >= len(want) or got[i] != want[i]), 0)
                g = got[i] if i < len(got) else "<end>"
                w = want[i] if i < len(want) else "<end>"
                differ.append(f.relative_to(ROOT))
                print(f"MP-DIFF {f.relative_to(ROOT)} (rc {mrc}) line {i+1}: mp {g!r} cpy {w!r}")
    print(f"{len(differ)} files differ under MicroPython")

if __name__ == "__main__":
    main()
