"""Runs every benchmark (native, wasm under Node, CPython) and prints one table with ratios."""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run_json_lines(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return {row["name"]: row for row in map(json.loads, output.splitlines()) if row}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--native", required=True, help="the native preset's bench folder")
    parser.add_argument("--web", required=True, help="the web preset's bench folder")
    args = parser.parse_args()

    print("scheduler: nanoseconds per operation (best of 3), lower is better", flush=True)
    native = run_json_lines([os.path.join(args.native, "scheduler_bench"), "1000000"])
    wasm = run_json_lines(["node", "--no-experimental-fetch", os.path.join(args.web, "scheduler_bench.js"), "1000000"])
    cpython = run_json_lines([sys.executable, os.path.join(HERE, "asyncio_bench.py"), "200000"])
    header = f"{'workload':<20}{'native':>10}{'wasm':>10}{'CPython':>10}{'CPython/native':>16}{'wasm/native':>13}"
    print(header)
    print("-" * len(header))
    for name in native:
        n, w, c = native[name]["ns_per_op"], wasm[name]["ns_per_op"], cpython[name]["ns_per_op"]
        print(f"{name:<20}{n:>10.1f}{w:>10.1f}{c:>10.1f}{c / n:>15.1f}x{w / n:>12.2f}x")
    print(f"(CPython {sys.version.split()[0]}; targets: CPython/native >= 10x, wasm/native <= 2.5x)")


if __name__ == "__main__":
    main()
