#!/usr/bin/env bash
# `./dev run [--wasm] FILE` from another folder: FILE is taken relative to where it was typed, and
# the command prints nothing but the program's own output and errors (the build is up to date).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/programs"
cp "$root/tests/conformance/400_docs_hello_world.py" "$work/programs/hello.py"
printf 'print("before")\nprint(1 / 0)\n' > "$work/programs/fails.py"
cd "$work"

fail() { printf '%s\n--- got ---\n%s\n' "$1" "$2" >&2; exit 1; }
for flag in "" --wasm; do
    out=$("$root/dev" run $flag programs/hello.py 2>&1) || fail "./dev run $flag programs/hello.py failed" "$out"
    [ "$out" = "$(cat "$root/tests/conformance/400_docs_hello_world.out")" ] ||
        fail "./dev run $flag programs/hello.py printed more or other than the program's output" "$out"
    status=0
    out=$("$root/dev" run $flag programs/fails.py 2>"$work/stderr") || status=$?
    [ "$status" = 1 ] && [ "$out" = before ] || fail "./dev run $flag programs/fails.py: exit $status, stdout" "$out"
    grep -q '^  File "programs/fails.py", line 2' "$work/stderr" && [ "$(tail -n 1 "$work/stderr")" = "ZeroDivisionError: division by zero" ] ||
        fail "./dev run $flag programs/fails.py: the traceback should name the file as typed" "$(cat "$work/stderr")"
done
echo "./dev run works from another folder (native and wasm): 4 passed, 0 failed"
