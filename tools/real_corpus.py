#!/usr/bin/env python3
"""The table of the real asyncio programs: tests/conformance/4NN_*.py (400-499), collected from the
Python documentation's asyncio pages and well-known tutorials, each with CPython's output (.out).

Each program gets one verdict, by the rule of issue 11 (tests/python/conformance_tests.cpp checks
the same rule in-process):
  exact        loopstep printed CPython's exact bytes (stdout, and the exception line on failure);
  unsupported  it stopped with the project's "... is not supported in this lesson" error (its last
               line), after printing a prefix of CPython's stdout; the table names the construct;
  FAIL         anything else: a wrong output for code that loopstep claims to run is a bug.

usage: real_corpus.py (--native CLI | --wasm LOOPSTEP_JS) [--corpus DIR]
  CLI is any build's loopstep binary (e.g. an older checkout's build/native/core/loopstep);
  LOOPSTEP_JS the wasm build's loopstep.js, run under Node. Exit status 1 if any program FAILs.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL_PROGRAM = re.compile(r"^4\d\d_.*\.py$")
NOT_SUPPORTED = "not supported in this lesson"
FAIL_MARK = "--- exit {} ---"
STDERR_MARK = "--- stderr ---"


def corpus_text(stdout, stderr, returncode):
    """The .out format of tests/conformance/README.md."""
    if returncode == 0 and not stderr:
        return stdout
    if stdout and not stdout.endswith("\n"):
        stdout += "\n"
    if returncode == 0:
        return stdout + STDERR_MARK + "\n" + stderr  # a warning, as CPython prints it
    return stdout + FAIL_MARK.format(returncode) + "\n" + last_line(stderr) + "\n"


def last_line(text):
    return text.rstrip("\n").split("\n")[-1]


def expected_stdout(expected):
    """CPython's stdout within a .out file: all of it, or what precedes its '--- exit N ---' line."""
    lines = expected.split("\n")
    if len(lines) >= 3 and re.fullmatch(r"--- exit \d+ ---", lines[-3]):
        return "\n".join(lines[:-3]) + ("\n" if len(lines) > 3 else "")
    return expected


def verdict(stdout, stderr, returncode, expected):
    """('exact' | 'unsupported' | 'FAIL', detail)."""
    if corpus_text(stdout, stderr, returncode) == expected:
        return "exact", ""
    line = last_line(stderr)
    if returncode != 0 and NOT_SUPPORTED in line:
        construct = re.sub(r"\s+(is|are) not supported in this lesson.*$", "", re.sub(r"^\w+: ", "", line))
        if expected_stdout(expected).startswith(stdout):
            return "unsupported", construct
        return "FAIL", "printed other output before stopping: " + construct
    if returncode != 0:
        return "FAIL", error_summary(stderr)[:70] or f"exit {returncode}"
    return "FAIL", "output differs"


def error_summary(stderr):
    """The last line of an error, looking inside an ExceptionGroup's box for its sub-exception."""
    for line in reversed(stderr.rstrip("\n").split("\n")):
        line = line.strip(" |")
        if line and not re.fullmatch(r"[+\-]+", line):
            return line
    return ""


def source_of(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline().strip()
    return re.sub(r"^#\s*(https://)?", "", first)


def run(command, path):
    try:
        proc = subprocess.run(command + [os.path.basename(path)], capture_output=True, timeout=120,
                              cwd=os.path.dirname(path))
    except subprocess.TimeoutExpired:
        return "", "timed out after 120 s", -1
    return (proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"),
            proc.returncode)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--native", metavar="CLI")
    target.add_argument("--wasm", metavar="LOOPSTEP_JS")
    parser.add_argument("--corpus", default=os.path.join(ROOT, "tests", "conformance"))
    args = parser.parse_args()
    if args.native:
        command, label = [os.path.abspath(args.native), "run"], "native"
    else:
        command = ["node", "--no-experimental-fetch", "--stack-size=4000", os.path.abspath(args.wasm), "run"]
        label = "wasm"
    corpus = os.path.abspath(args.corpus)
    names = sorted(n for n in os.listdir(corpus) if REAL_PROGRAM.match(n))
    counts = {"exact": 0, "unsupported": 0, "FAIL": 0}
    print(f"real asyncio programs ({label}): {len(names)}")
    print(f"{'program':36} {'result':44} source")
    for name in names:
        path = os.path.join(corpus, name)
        with open(path[:-3] + ".out", encoding="utf-8", newline="") as f:
            expected = f.read()
        kind, detail = verdict(*run(command, path), expected)
        counts[kind] += 1
        result = kind + (f" ({detail})" if detail else "")
        print(f"{name[:-3]:36} {result:44} {source_of(path)}")
    total = len(names) or 1
    print(f"total {len(names)}: {counts['exact']} exact ({100 * counts['exact'] / total:.1f}%), "
          f"{counts['unsupported']} unsupported, {counts['FAIL']} FAIL")
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
