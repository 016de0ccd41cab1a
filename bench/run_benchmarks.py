"""Runs every benchmark (native, wasm under Node, CPython; the page in headless Chromium) and prints tables."""
import argparse
import gzip
import shutil
import tempfile
import json
import math
import os
import statistics
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
    parser.add_argument("--native", help="the native preset's bench folder")
    parser.add_argument("--web", help="the web preset's bench folder")
    parser.add_argument("--native-cli", help="folder of the native loopstep CLI")
    parser.add_argument("--web-cli", help="folder of the wasm loopstep CLI")
    parser.add_argument("--app-page", help="the lesson's page folder (dist/), for the browser figures")
    parser.add_argument("--demo-page", help="Dear ImGui's demo page folder (bench/imgui_demo), the baseline")
    parser.add_argument("--before-native-cli", help="an older build's native CLI folder: interpreter rows for it too")
    parser.add_argument("--before-web-cli", help="an older build's wasm CLI folder (with --before-native-cli)")
    parser.add_argument("--before-page", help="an older build's page folder (its dist/): weight, single file and first frame too")
    parser.add_argument("--module-names", help="the app's module with its names (build/web-app/web/loopstep_app.wasm): "
                                               "the size report per section and source file")
    parser.add_argument("--loads", type=int, default=5, help="fresh page loads for the first-frame time")
    args = parser.parse_args()
    core = [args.native, args.web, args.native_cli, args.web_cli]
    browser = [args.app_page, args.demo_page]
    if not (all(core) or all(browser)) or (any(core) and not all(core)) or (any(browser) and not all(browser)):
        parser.error("give --native, --web, --native-cli and --web-cli, or --app-page and --demo-page, or all six")
    if all(core):
        scheduler_table(args)
        print()
        interpreter_table(args)
        print()
        lesson_table(args)
    if all(browser):
        if all(core):
            print()
        browser_tables(args)
    if args.module_names:
        print()
        size_report(args.module_names)


def scheduler_table(args):
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


def best_wall_time(command, runs=3):
    """(seconds for the whole process, seconds the CLI's --time reported or None, stdout): best of
    `runs` each; the output must be the same every time."""
    best, best_inside, output = None, None, None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        inside = [float(line.split()[3]) for line in result.stderr.splitlines() if line.startswith("loopstep: run took ")]
        if inside:
            best_inside = inside[0] if best_inside is None else min(best_inside, inside[0])
        output = result.stdout
    return best, best_inside, output


def interpreter_rows(label, native_cli, web_cli, cpython_times, cpython_outputs):
    for name in PROGRAMS:
        program = os.path.join(HERE, "programs", name)
        native, native_in, native_out = best_wall_time([os.path.join(native_cli, "loopstep"), "run", "--time", program])
        wasm, wasm_in, wasm_out = best_wall_time(["node", "--no-experimental-fetch", os.path.join(web_cli, "loopstep.js"), "run", "--time", program])
        cpython = cpython_times[name]
        same = "" if native_out == wasm_out == cpython_outputs[name] else "  OUTPUT DIFFERS"
        inside = f"{native_in:>10.3f}{wasm_in:>9.3f}{wasm_in / native_in:>12.2f}x" if native_in and wasm_in else f"{'(no --time)':>31}"
        print(f"{label + ' ' + name:<24}{native:>9.3f}{wasm:>9.3f}{cpython:>9.3f}{cpython / native:>15.2f}x{wasm / native:>12.2f}x"
              f"{inside}{same}")


def interpreter_table(args):
    print("interpreter: seconds (best of 3), lower is better; same output checked")
    print(f"{'':<24}{'whole process (start-up included)':^54}{'the run alone (--time)':^31}")
    header = (f"{'build, program':<24}{'native':>9}{'wasm':>9}{'CPython':>9}{'CPython/native':>16}{'wasm/native':>13}"
              f"{'native':>10}{'wasm':>9}{'wasm/native':>13}")
    print(header)
    print("-" * len(header))
    oracle = os.path.join(ROOT, "tests", "conformance", "oracle.py")
    cpython_times, cpython_outputs = {}, {}
    for name in PROGRAMS:
        cpython_times[name], _, cpython_outputs[name] = best_wall_time([sys.executable, oracle, os.path.join(HERE, "programs", name)])
    if args.before_native_cli:
        interpreter_rows("before", args.before_native_cli, args.before_web_cli, cpython_times, cpython_outputs)
    interpreter_rows("now" if args.before_native_cli else "", args.native_cli, args.web_cli, cpython_times, cpython_outputs)
    print("(CPython runs the same file on a virtual clock, tests/conformance/oracle.py; targets: CPython/native >= 1x for cpu_loop,"
          " >= 4x for many_tasks; wasm/native <= 2x. Whole process includes Node's start-up and the wasm compile, about 0.1 s;"
          " the run alone is what the CLI's --time measured inside the process, from the source to the program's end)")


def lesson_table(args, runs=50):
    """The 12-URL chapter's "Run": from the source to a complete recording (bench/lesson_bench.cpp)."""
    print(f"the 12-URL chapter: \"Run\" to a complete recording, milliseconds (best of {runs}), lower is better")
    native = run_json_lines([os.path.join(args.native, "lesson_bench"), str(runs)])["twelve_requests"]
    wasm = run_json_lines(["node", "--no-experimental-fetch", os.path.join(args.web, "lesson_bench.js"), str(runs)])["twelve_requests"]
    header = f"{'program':<18}{'native':>9}{'wasm':>9}{'wasm/native':>13}{'events':>9}{'virtual s':>11}"
    print(header)
    print("-" * len(header))
    same = "" if native["events"] == wasm["events"] else f"  EVENTS DIFFER (wasm {wasm['events']})"
    print(f"{'twelve_requests':<18}{native['best_ms']:>9.2f}{wasm['best_ms']:>9.2f}{wasm['best_ms'] / native['best_ms']:>12.2f}x"
          f"{native['events']:>9}{native['virtual_time']:>11.0f}{same}")
    print("(web/model's load_program on the chapter's program, as the app runs it: interpreter, scheduler, recording)")


def kb(size):
    return f"{size / 1024:.1f} KB"


def brotli_size(data):
    """Bytes after brotli -q 11 (Debian's brotli), or None without it."""
    if not shutil.which("brotli"):
        return None
    return len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)


def page_weight(folder, files):
    """(path, raw bytes, gzipped bytes, brotli bytes) of each file the page requested: gzip at level 9, brotli at 11."""
    rows = []
    for path in files:
        local = os.path.join(folder, path.lstrip("/"))
        if not os.path.isfile(local):
            rows.append((path.lstrip("/"), None, None, None))
            continue
        data = open(local, "rb").read()
        rows.append((path.lstrip("/"), len(data), len(gzip.compress(data, compresslevel=9, mtime=0)), brotli_size(data)))
    return rows


def single_file_size(page_folder):
    """The single offline file (loopstep.html) the checkout of page_folder's tools/package.py makes of it, in bytes."""
    package = os.path.join(os.path.dirname(os.path.abspath(page_folder)), "tools", "package.py")
    if not os.path.isfile(package):
        return None
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run([sys.executable, package, "--dist", page_folder, "--out", out], capture_output=True, text=True)
        path = os.path.join(out, "loopstep.html")
        return os.path.getsize(path) if result.returncode == 0 and os.path.isfile(path) else None


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def browser_tables(args, budget=400 * 1024):
    if not os.path.exists("/usr/bin/chromium"):
        print("browser figures: not measured (no /usr/bin/chromium: apt-get install chromium)")
        return
    command = ["node", os.path.join(HERE, "browser_bench.mjs"), "--loads", str(args.loads),
               f"app={os.path.abspath(args.app_page)}", f"demo={os.path.abspath(args.demo_page)}"]
    if args.before_page:
        command.append(f"before={os.path.abspath(args.before_page)}")
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        print("browser figures: the headless Chromium run failed:")
        print(result.stderr.strip())
        return
    measured = json.loads(result.stdout)
    pages = {page["name"]: page for page in measured["pages"]}
    labels = {"app": "the lesson (dist/)", "before": "the lesson, before", "demo": "Dear ImGui demo (baseline)"}
    names = [name for name in ("before", "app", "demo") if name in pages]

    print("page weight: every file a page load requests, bytes as stored, gzipped (level 9) and brotli (-q 11)")
    header = f"{'file':<34}{'raw':>12}{'gzipped':>12}{'brotli':>12}"
    print(header)
    print("-" * len(header))
    totals = {}
    for name in names:
        raw_total = gz_total = br_total = 0
        print(f"{labels[name]} ({pages[name]['folder']}):")
        for path, raw, gz, br in page_weight(pages[name]["folder"], pages[name]["files"]):
            if raw is None:
                print(f"  {path:<32}{'(not a file: 404?)':>24}")
                continue
            raw_total, gz_total, br_total = raw_total + raw, gz_total + gz, br_total + (br or 0)
            print(f"  {path:<32}{kb(raw):>12}{kb(gz):>12}{kb(br) if br else '':>12}")
        totals[name] = gz_total
        print(f"{'total, ' + labels[name]:<34}{kb(raw_total):>12}{kb(gz_total):>12}{kb(br_total) if br_total else '':>12}")
        requested = {path.lstrip("/") for path in pages[name]["files"]}
        folder = pages[name]["folder"]
        others = sorted(os.path.relpath(os.path.join(where, f), folder) for where, _, names_ in os.walk(folder)
                        for f in names_ if os.path.relpath(os.path.join(where, f), folder) not in requested
                        and not f.endswith((".gz", ".br")))
        if others:
            print(f"  (also in the folder, not requested by a load: {', '.join(others)})")
    app = totals["app"]
    print(f"(budget: 400 KB gzipped for the lesson; it uses {kb(app)} = {100 * app / budget:.0f}%, "
          f"{'within' if app <= budget else 'OVER'} budget; the demo's {kb(totals['demo'])} for scale)")
    for name in ("before", "app"):
        if name in pages:
            size = single_file_size(pages[name]["folder"])
            print(f"single offline file (tools/package.py's loopstep.html), {labels[name]}: "
                  f"{kb(size) if size else 'not made'}" + (f" (budget 1.2 MB: {'within' if size <= 1.2 * 1024 * 1024 else 'OVER'})"
                                                            if size and name == "app" else ""))
    print()

    loads = measured["loads"]
    print(f"in the browser: headless Chromium {measured['chromium']}, WebGL2 on SwiftShader (CPU), 1280x800; milliseconds")
    header = (f"{'page':<34}{'first frame':>12}{'frame CPU':>11}{'p95':>7}{'frame interval':>16}{'p95':>7}")
    print(header)
    print("-" * len(header))

    def row(label, ready, frames):
        first = f"{statistics.median(ready):.0f}" if ready is not None else ""
        cells = f"{label:<34}{first:>12}"
        if frames:
            cells += (f"{statistics.median(frames['cpu']):>11.2f}{percentile(frames['cpu'], 0.95):>7.2f}"
                      f"{statistics.median(frames['interval']):>16.1f}{percentile(frames['interval'], 0.95):>7.1f}")
        print(cells)

    if "before" in pages:
        row("lesson before, as opened", pages["before"]["ready_ms"], None)
    row("lesson, as opened (mid-recording)", pages["app"]["ready_ms"], pages["app"]["frames"].get("opened"))
    hundred = pages["app"].get("hundred_tasks", {})
    if hundred.get("available"):
        row(f"lesson, {hundred['tasks']} tasks (step {hundred['step']}/{hundred['steps']})", None,
            pages["app"]["frames"]["hundred_tasks"])
    else:
        print(f"{'lesson, 100 tasks':<34}not available yet: {hundred.get('why', 'not measured')}")
    row("Dear ImGui demo (baseline)", pages["demo"]["ready_ms"], pages["demo"]["frames"].get("opened"))
    for name in ("before", "app"):
        if name in pages:
            text, bars = pages[name].get("text_ms", []), pages[name].get("bar", [])
            shown = f"the lesson's text in the text version after {statistics.median(text):.0f} ms" if text else "no lesson text before the first frame"
            steps = statistics.median([b["steps"] for b in bars]) if bars else 0
            print(f"  {labels[name]}: {shown}; the loading bar moved {steps:.0f} times before the first frame (median)")
    print(f"(first frame: navigation to document.body.dataset.loopstep = 'ready', median of {loads} fresh loads;"
          f" frame CPU: the requestAnimationFrame callback that runs the app's frame, and the intervals between"
          f" frames, median and 95th percentile of {measured['frames']} frames)")


def size_report(module):
    """Where the app's module's bytes go (tools/wasm_size.py): per section, per source file or library."""
    print("the app's module: bytes per section, code per source file or library (tools/wasm_size.py; ./dev size for more)")
    build = os.path.dirname(os.path.dirname(os.path.abspath(module)))
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "wasm_size.py"), module, "--objects", build,
                             "--objects", os.path.join(ROOT, ".cache", "third_party", "sdl2-wasm"), "--top", "15"],
                            capture_output=True, text=True)
    print(result.stdout.split("\nlargest functions")[0] if result.returncode == 0 else result.stderr)


if __name__ == "__main__":
    main()
