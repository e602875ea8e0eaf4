#!/usr/bin/env python3
"""Embeds the Python modules under Firmware/ into the Swift targets.

Each folder of Firmware/ becomes one generated Swift table from dotted module
name to source text:

    Firmware/lib            -> PythonRuntime  frozenModuleSources (+ frozenPackages)
                               importable on every runtime through sys.path's '.frozen'
    Firmware/runtime        -> PythonRuntime  runtimeModuleSources
                               Python halves of the standard modules (collections, re...)
    Firmware/micropython    -> FirmwareAPI    microPythonModuleSources (+ microPythonPackages)
                               machine, neopixel, rp2, esp32, and the network
                               modules the firmware freezes (requests, umqtt, mip...)
    Firmware/circuitpython  -> FirmwareAPI    circuitPythonModuleSources
                               board, digitalio, busio...

The board flavours' tables live in FirmwareAPI because PythonRuntime knows
nothing of boards. `pkg/__init__.py` becomes the package `pkg`, `pkg/mod.py`
the module `pkg.mod`, `mod.py` the module `mod`; only Firmware/lib and
Firmware/micropython may hold packages.

Run from anywhere after changing a file in one of those folders:

    python3 Scripts/freeze.py

`--check` writes nothing and exits with status 1 when a generated file is
out of date. FrozenModulesTests (PythonRuntimeTests) and FirmwareModuleSourcesTests
(FirmwareAPITests) check the same thing, so a forgotten run fails the test suite.
"""
import os
import sys
from collections import namedtuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMAND = "python3 Scripts/freeze.py"

# folder under Firmware/, generated file, table name, package-set name (None: no packages), doc comment
Table = namedtuple("Table", "folder output name packages doc")
TABLES = [
    Table("lib", "Sources/PythonRuntime/Frozen/FrozenModules.swift",
          "frozenModuleSources", "frozenPackages",
          "Source of each module shipped inside the runtime, by dotted name."),
    Table("runtime", "Sources/PythonRuntime/Frozen/RuntimeModuleSources.swift",
          "runtimeModuleSources", None,
          "The Python halves of the standard modules, by name (registered with their native helpers)."),
    Table("micropython", "Sources/FirmwareAPI/Frozen/MicroPythonModuleSources.swift",
          "microPythonModuleSources", "microPythonPackages",
          "The Python modules of the MicroPython flavour (over `_machine`), by name."),
    Table("circuitpython", "Sources/FirmwareAPI/Frozen/CircuitPythonModuleSources.swift",
          "circuitPythonModuleSources", None,
          "The Python modules of the CircuitPython flavour (over `_cpboard`), by name."),
]


def collect(table):
    """[(module name, is package, source)] for every .py under the table's folder, sorted by name."""
    lib = os.path.join(ROOT, "Firmware", table.folder)
    where = "Firmware/" + table.folder
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
                    raise SystemExit("freeze: %s: __init__.py directly in %s" % (rel, where))
            if len(parts) > 1 and table.packages is None:
                raise SystemExit("freeze: %s: %s holds no packages" % (rel, where))
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


def generate(table, modules):
    out = [
        "// GENERATED FILE - DO NOT EDIT.",
        "// Made by `%s` from the Python files under Firmware/%s;" % (COMMAND, table.folder),
        "// edit those and run the command again.",
        "",
        "/// " + table.doc,
        "let %s: [String: String] = [" % table.name,
    ]
    for name, _, source in modules:
        out.append("    %s: %s," % (swift_string(name), swift_literal(source)))
    if not modules:
        out.append("    :")
    out.append("]")
    if table.packages is not None:
        out.append("")
        out.append("/// The names in `%s` that are packages (from `__init__.py`)." % table.name)
        packages = [name for name, is_package, _ in modules if is_package]
        out.append("let %s: Set<String> = [%s]" % (table.packages, ", ".join(swift_string(p) for p in packages)))
    return "\n".join(out) + "\n"


def swift_string(s):
    return '"' + s + '"'  # module names are identifiers joined by dots


def main(argv):
    status = 0
    for table in TABLES:
        text = generate(table, collect(table))
        output = os.path.join(ROOT, table.output)
        try:
            with open(output, encoding="utf-8") as fh:
                current = fh.read()
        except FileNotFoundError:
            current = None
        if current == text:
            continue
        if "--check" in argv:
            print("freeze: %s is out of date; run %s" % (table.output, COMMAND))
            status = 1
            continue
        os.makedirs(os.path.dirname(output), exist_ok=True)
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        print("freeze: wrote %s" % table.output)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
