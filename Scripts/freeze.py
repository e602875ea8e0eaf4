#!/usr/bin/env python3
"""Embeds the Python modules under Firmware/lib into the runtime.

Writes Sources/PythonRuntime/Frozen/FrozenModules.swift: a table from dotted
module name to source text (`frozenModuleSources`) and the set of names that
are packages (`frozenPackages`). `pkg/__init__.py` becomes the package `pkg`,
`pkg/mod.py` the module `pkg.mod`, `mod.py` the module `mod`.

Run from anywhere after changing a file in Firmware/lib:

    python3 Scripts/freeze.py

`--check` writes nothing and exits with status 1 when the generated file is
out of date. Tests/PythonRuntimeTests/FrozenModulesTests.swift checks the same
thing, so a forgotten run fails the test suite.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = os.path.join(ROOT, "Firmware", "lib")
OUTPUT = os.path.join(ROOT, "Sources", "PythonRuntime", "Frozen", "FrozenModules.swift")
COMMAND = "python3 Scripts/freeze.py"


def collect(lib):
    """[(module name, is package, source)] for every .py under lib, sorted by name."""
    found = []
    for folder, dirs, files in os.walk(lib):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for f in sorted(files):
            if not f.endswith(".py"):
                continue
            rel = os.path.relpath(os.path.join(folder, f), lib)
            parts = rel[:-3].split(os.sep)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts = parts[:-1]
                if not parts:
                    raise SystemExit("freeze: %s: __init__.py directly in Firmware/lib" % rel)
            for p in parts:
                if not p.isidentifier():
                    raise SystemExit("freeze: %s: %r is not a module name" % (rel, p))
            with open(os.path.join(folder, f), "rb") as fh:
                data = fh.read()
            try:
                source = data.decode("utf-8")
            except UnicodeDecodeError as e:
                raise SystemExit("freeze: %s: not UTF-8 (%s)" % (rel, e))
            if "\r" in source:
                # Swift normalises line endings inside string literals.
                raise SystemExit("freeze: %s: use \\n line endings" % rel)
            found.append((".".join(parts), is_package, source))
    found.sort(key=lambda m: m[0])
    names = [m[0] for m in found]
    for n in set(names):
        if names.count(n) > 1:
            raise SystemExit("freeze: %s is both a module and a package" % n)
    return found


def swift_literal(text):
    """A Swift raw multi-line string literal whose value is exactly `text`."""
    # The literal ends at `"""` followed by as many `#` as it opened with, and
    # `\` followed by that many `#` would start an escape: use one `#` more
    # than the longest run of `#` anywhere in the text.
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "#" else 0
        longest = max(longest, run)
    hashes = "#" * (longest + 1)
    # The line break before the closing delimiter is not part of the value,
    # so one is always added after the text.
    return hashes + '"""\n' + text + '\n"""' + hashes


def generate(modules):
    out = [
        "// GENERATED FILE - DO NOT EDIT.",
        "// Made by `%s` from the Python files under Firmware/lib;" % COMMAND,
        "// edit those and run the command again.",
        "",
        "/// Source of each module shipped inside the runtime, by dotted name.",
        "let frozenModuleSources: [String: String] = [",
    ]
    for name, _, source in modules:
        out.append("    %s: %s," % (swift_string(name), swift_literal(source)))
    if not modules:
        out.append("    :")
    out.append("]")
    out.append("")
    out.append("/// The names in `frozenModuleSources` that are packages (from `__init__.py`).")
    packages = [name for name, is_package, _ in modules if is_package]
    out.append("let frozenPackages: Set<String> = [%s]" % ", ".join(swift_string(p) for p in packages))
    return "\n".join(out) + "\n"


def swift_string(s):
    return '"' + s + '"'  # module names are identifiers joined by dots


def main(argv):
    text = generate(collect(LIB))
    try:
        with open(OUTPUT, encoding="utf-8") as fh:
            current = fh.read()
    except FileNotFoundError:
        current = None
    if "--check" in argv:
        if current != text:
            print("freeze: %s is out of date; run %s" % (os.path.relpath(OUTPUT, ROOT), COMMAND))
            return 1
        return 0
    if current != text:
        os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
        with open(OUTPUT, "w", encoding="utf-8") as fh:
            fh.write(text)
        print("freeze: wrote %s" % os.path.relpath(OUTPUT, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
