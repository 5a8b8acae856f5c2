#!/usr/bin/env python3
"""The oracle side of rnnsh's differential tests: run each case under CPython + numpy, record what it prints.

A case file (Tests/ShellTests/Fixtures/differential/FAMILY.py) holds snippets separated by lines
`#--- case-name`. Each snippet is code as a user would type it into rnnsh; `import numpy as np` is
implied. Output goes through print() only: rnnsh echoes a bare expression like print() while a
Python script does not, so bare expressions would differ for reasons that are not bugs.

For every case this writes, into FAMILY.expected.json beside the case file:
  {"name", "source", "stdout", "error"}
where error is None or "ValueError: message" (the exception's class name and str(), as a Python
traceback's last line shows them). Each case runs in a fresh namespace, with numpy's print
options reset to the defaults, so cases never depend on one another.

    python3 scripts/differential.py Tests/ShellTests/Fixtures/differential/indexing.py [more.py ...]
    python3 scripts/differential.py --all        # every case file in the fixture folder
    python3 scripts/differential.py --variants --all   # record this machine's kernel variants

Some answers depend on the BLAS/LAPACK kernel the machine's CPU selects, not on numpy's rules: a
float64 dot or norm sums in the kernel's order (30.176344999999998 with OpenBLAS's SkylakeX
kernels, 30.176345 with its Zen kernels), and multivariate_normal goes through an SVD. Recording
the golden output on one machine would make the tests fail on the other. `--variants` runs the
cases on this machine and, for each case whose output here differs from FAMILY.expected.json
(same numpy version, same error), adds this machine's output to FAMILY.variants.json; the tests
accept the recorded output or any variant, each of them numpy's own answer on some machine.

The Swift side is Tests/ShellTests/DifferentialTests.swift.
"""
import contextlib
import io
import json
import os
import sys
import tempfile
import warnings

import numpy as np

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Tests", "ShellTests", "Fixtures", "differential")
SEPARATOR = "#---"


def parse_cases(text, path):
    """Splits a case file into (name, source) pairs; text before the first separator is ignored."""
    cases, name, lines = [], None, []
    for line in text.split("\n"):
        if line.startswith(SEPARATOR):
            if name is not None:
                cases.append((name, "\n".join(lines).strip("\n") + "\n"))
            name = line[len(SEPARATOR):].strip() or f"case-{len(cases) + 1}"
            lines = []
        elif name is not None:
            lines.append(line)
    if name is not None:
        cases.append((name, "\n".join(lines).strip("\n") + "\n"))
    seen = set()
    for n, _ in cases:
        if n in seen:
            sys.exit(f"{path}: duplicate case name {n!r}")
        seen.add(n)
    return cases


def run_case(source, defaults):
    """Runs one snippet the way rnnsh's tests will: fresh names, default print and error options, a temp cwd."""
    np.set_printoptions(**defaults)
    # numpy's error modes are process-wide; an earlier case's np.seterr must not leak into this one.
    np.seterr(divide="warn", over="warn", under="ignore", invalid="warn")
    namespace = {"np": np, "__name__": "__main__"}
    out = io.StringIO()
    error = None
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            with contextlib.redirect_stdout(out), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                exec(compile(source, "<case>", "exec"), namespace)
        except SyntaxError as e:
            # str() of a SyntaxError adds "(<case>, line N)"; the traceback's last line shows
            # only the message, and so does rnnsh.
            error = f"{type(e).__name__}: {e.msg}"
        except Exception as e:  # noqa: BLE001 — every exception is data here
            error = f"{type(e).__name__}: {e}"
        finally:
            os.chdir(cwd)
    return out.getvalue(), error


def record_variants(path, defaults):
    """Adds this machine's differing outputs of `path`'s cases to FAMILY.variants.json."""
    with open(path[:-3] + ".expected.json", encoding="utf-8") as f:
        expected = json.load(f)
    if expected["numpy"] != np.__version__:
        sys.exit(f"{path}: recorded with numpy {expected['numpy']}, this is {np.__version__}: a variant must come from the same numpy")
    target = path[:-3] + ".variants.json"
    variants = {}
    if os.path.exists(target):
        with open(target, encoding="utf-8") as f:
            variants = json.load(f)
    added = 0
    for case in expected["cases"]:
        stdout, error = run_case(case["source"], defaults)
        if stdout == case["stdout"] or error != case["error"]:
            continue
        known = variants.setdefault(case["name"], [])
        if stdout not in known:
            known.append(stdout)
            added += 1
    if variants:
        with open(target, "w", encoding="utf-8") as f:
            json.dump(dict(sorted(variants.items())), f, indent=1, ensure_ascii=False)
            f.write("\n")
    if added:
        print(f"{os.path.relpath(target)}: {added} new variant(s)")


def main(argv):
    paths = argv[1:]
    variants = paths[:1] == ["--variants"]
    if variants:
        paths = paths[1:]
    if paths == ["--all"]:
        paths = sorted(os.path.join(FIXTURES, f) for f in os.listdir(FIXTURES) if f.endswith(".py"))
    if not paths:
        sys.exit(__doc__)
    defaults = np.get_printoptions()
    defaults.pop("legacy", None)
    for path in paths:
        if variants:
            record_variants(path, defaults)
            continue
        with open(path, encoding="utf-8") as f:
            cases = parse_cases(f.read(), path)
        results = []
        for name, source in cases:
            stdout, error = run_case(source, defaults)
            results.append({"name": name, "source": source, "stdout": stdout, "error": error})
        target = path[:-3] + ".expected.json"
        with open(target, "w", encoding="utf-8") as f:
            json.dump({"numpy": np.__version__, "python": sys.version.split()[0], "cases": results}, f, indent=1, ensure_ascii=False)
            f.write("\n")
        errors = sum(r["error"] is not None for r in results)
        print(f"{os.path.relpath(target)}: {len(results)} cases ({errors} raise)")


if __name__ == "__main__":
    main(sys.argv)
