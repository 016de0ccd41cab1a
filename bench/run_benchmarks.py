"""Runs every benchmark (native, wasm under Node, CPython) and prints one table with ratios."""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = ["many_tasks.py", "cpu_loop.py"]


def run_json_lines(command):
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return {row["name"]: row for row in map(json.loads, output.splitlines()) if row}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--native", required=True, help="the native preset's bench folder")
    parser.add_argument("--web", required=True, help="the web preset's bench folder")
    parser.add_argument("--native-cli", required=True, help="folder of the native loopstep CLI")
    parser.add_argument("--web-cli", required=True, help="folder of the wasm loopstep CLI")
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
    print()
    interpreter_table(args)


def best_wall_time(command, runs=3):
    """Seconds for the whole process (start-up included), best of `runs`; the output must agree."""
    best, output = None, None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        output = result.stdout
    return best, output


def interpreter_table(args):
    print("interpreter: whole program, seconds (best of 3), lower is better; same output checked")
    header = f"{'program':<16}{'native':>9}{'wasm':>9}{'CPython':>9}{'CPython/native':>16}{'wasm/native':>13}"
    print(header)
    print("-" * len(header))
    oracle = os.path.join(ROOT, "tests", "conformance", "oracle.py")
    for name in PROGRAMS:
        program = os.path.join(HERE, "programs", name)
        native, native_out = best_wall_time([os.path.join(args.native_cli, "loopstep"), "run", program])
        wasm, wasm_out = best_wall_time(["node", "--no-experimental-fetch", os.path.join(args.web_cli, "loopstep.js"), "run", program])
        cpython, cpython_out = best_wall_time([sys.executable, oracle, program])
        same = "" if native_out == wasm_out == cpython_out else "  OUTPUT DIFFERS"
        print(f"{name:<16}{native:>9.3f}{wasm:>9.3f}{cpython:>9.3f}{cpython / native:>15.2f}x{wasm / native:>12.2f}x{same}")
    print("(CPython runs the same file on a virtual clock, tests/conformance/oracle.py; target: many_tasks no slower than CPython natively)")


if __name__ == "__main__":
    main()
