#!/bin/sh
# Every lesson scenario prints the same with loopstep as with CPython (tests/conformance/oracle.py),
# and steps through the same lines.
# Usage: tests/lessons_match_cpython.sh /path/to/loopstep
# Each chapter's ```python scenario``` block, with its @param defaults put in for {{name}},
# becomes NN-slug.py in a temporary folder (its ```python compare``` block, run beside it,
# NN-slug-compare.py); the oracle writes CPython's output as NN-slug.out and then compares
# `loopstep run NN-slug.py` with it.
set -eu

cli=${1:?usage: $0 /path/to/loopstep}
here=$(cd "$(dirname "$0")" && pwd)
lessons=$here/../lessons
oracle=$here/conformance/oracle.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Extract the scenarios (format: lessons/README.md). Fails on placeholders left unfilled.
python3 - "$lessons" "$work" <<'PY'
import glob, os, re, sys
lessons, work = sys.argv[1], sys.argv[2]
bad = 0
for path in sorted(glob.glob(os.path.join(lessons, "[0-9]*.md"))):
    name = os.path.basename(path)[:-3]
    lines = open(path, encoding="utf-8").read().split("\n")
    params = {}
    for line in lines:
        if line.strip().startswith("@param "):
            words = line.split()
            params[words[1]] = words[2]
    blocks, inside = {}, None  # "scenario" / "compare": its lines
    for line in lines:
        fence = re.match(r'```python (scenario|compare)\b', line.strip())
        if inside and line.strip() == "```":
            inside = None
        elif inside:
            blocks[inside].append(line)
        elif fence:
            inside = fence.group(1)
            blocks[inside] = []
    if "scenario" not in blocks:
        print(f"{name}: no python scenario, skipped")
        continue
    for kind, code in blocks.items():
        program = "\n".join(code) + "\n"
        for key, value in params.items():
            program = program.replace("{{" + key + "}}", value)
        left = re.findall(r"\{\{\w+\}\}", program)
        if left:
            print(f"{name}: placeholders without a @param default: {' '.join(sorted(set(left)))}")
            bad += 1
        suffix = "" if kind == "scenario" else "-compare"
        with open(os.path.join(work, name + suffix + ".py"), "w", encoding="utf-8") as f:
            f.write(program)
sys.exit(1 if bad else 0)
PY

# CPython's output for each scenario; a scenario must not fail under CPython either.
python3 "$oracle" --regenerate "$work" >/dev/null
if grep -l -- '^--- exit ' "$work"/*.out; then
    echo "the scenarios above end with an error under CPython" >&2
    exit 1
fi

# Their line steps are the lines CPython runs (tests/line_steps_match_cpython.py).
python3 "$here/line_steps_match_cpython.py" "$cli" "$work"/*.py

# loopstep must print the same bytes; on a difference show it.
if ! python3 "$oracle" --against "$cli run" "$work"; then
    for program in "$work"/*.py; do
        "$cli" run "$program" 2>&1 | diff -u "${program%.py}.out" - || true
    done
    exit 1
fi
