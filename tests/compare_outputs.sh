#!/bin/sh
# Runs two commands and fails unless they print the same bytes (the cross-target check).
# usage: compare_outputs.sh "native command" "wasm command"
set -u
native=$(mktemp) wasm=$(mktemp)
trap 'rm -f "$native" "$wasm"' EXIT
sh -c "$1" >"$native" || { echo "native run failed: $1"; exit 1; }
sh -c "$2" >"$wasm" || { echo "wasm run failed: $2"; exit 1; }
if ! diff "$native" "$wasm" >/dev/null; then
    echo "native and wasm outputs differ:"
    diff "$native" "$wasm" | head -20
    exit 1
fi
lines=$(wc -l <"$native")
[ "$lines" -gt 0 ] || { echo "both outputs are empty"; exit 1; }
echo "identical output on both targets ($lines lines)"
