#!/usr/bin/env python3
"""Differential testing: random programs (generate.py) run on loopstep and on CPython.

    python3 tests/differential/run.py --minutes M [--seed S] [--binary PATH] [--out DIR]
                                      [--jobs 2] [--timeout 10] [--shrink] [--count N]
    python3 tests/differential/run.py --check FILE.py ...     # compare given programs, print diffs

CPython's side is the conformance oracle (tests/conformance/oracle.py: CPython 3.11's own event
loop on a virtual clock). Both sides are reduced to the corpus's expected-output text with the
oracle's own expected_text(), exactly as `oracle.py --against` does: stdout, then on a non-zero
exit `--- exit N ---` and the last line of stderr. A timeout or a crash (signal) of loopstep
counts as a difference.

Each difference goes to DIR/diff-SEED/: program.py, cpython.txt and loopstep.txt (the compared
texts), both sides' raw stdout/stderr, and with --shrink a minimised program (min.py) that still
shows the same difference. Programs whose difference is a documented deviation (64-bit ints,
MemoryError limits), a construct loopstep names as outside the lesson's subset, or a problem
of the generated program itself (CPython deadlock, timeout, nondeterminism) are counted apart
and kept under DIR/skipped/ as examples; they are not differences.

For speed, CPython runs in a fork of a worker that has already imported the oracle and
asyncio (a fresh `python3 oracle.py` costs ~0.25 s); every difference found that way is
confirmed with a real `python3 oracle.py PROGRAM.py` run (with another hash seed) before it is
reported.
"""
import argparse
import hashlib
import importlib.util
import itertools
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ORACLE_PATH = os.path.join(ROOT, "tests", "conformance", "oracle.py")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True        # no __pycache__ beside the sources
import generate  # noqa: E402


def load_oracle():
    spec = importlib.util.spec_from_file_location("loopstep_oracle", ORACLE_PATH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ORACLE = load_oracle()
expected_text = ORACLE.expected_text        # the corpus's comparison, verbatim
DEADLOCK_EXIT = ORACLE.DEADLOCK_EXIT


# ---------------------------------------------------------------- running both sides

class Outcome:
    def __init__(self, stdout, stderr, rc, timed_out=False):
        self.stdout, self.stderr, self.rc, self.timed_out = stdout, stderr, rc, timed_out

    def text(self):
        if self.timed_out:
            return self.stdout + ("" if self.stdout.endswith("\n") or not self.stdout else "\n") + \
                "--- timeout ---\n"
        if self.rc < 0:
            name = signal.Signals(-self.rc).name if -self.rc in signal.valid_signals() else str(-self.rc)
            return expected_text(self.stdout, self.stderr, 1).rsplit("--- exit", 1)[0] + \
                f"--- killed by {name} ---\n"
        return expected_text(self.stdout, self.stderr, self.rc)


def run_oracle_fork(path, timeout):
    """CPython through the oracle, in a fork of this (already warmed-up) process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            try:
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
                sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
                signal.alarm(int(timeout))
                os.chdir(os.path.dirname(os.path.abspath(path)))
                code = 0
                try:
                    ORACLE.main([os.path.basename(path)])
                except SystemExit as e:
                    code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
            except BaseException:
                os._exit(99)
        _, status = os.waitpid(pid, 0)
        rc = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        so = out.read().decode("utf-8", "replace")
        se = err.read().decode("utf-8", "replace")
    if rc == -signal.SIGALRM:
        return Outcome(so, se, rc, timed_out=True)
    return Outcome(so, se, rc)


def run_oracle_subprocess(path, timeout, hashseed=None):
    """CPython exactly as the corpus tools run it: `cd DIR; python3 oracle.py NAME.py`."""
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONWARNINGS", None)
    if hashseed is not None:
        env["PYTHONHASHSEED"] = str(hashseed)
    try:
        p = subprocess.run([sys.executable, ORACLE_PATH, os.path.basename(path)], capture_output=True,
                           env=env, timeout=timeout, cwd=os.path.dirname(os.path.abspath(path)))
    except subprocess.TimeoutExpired as e:
        return Outcome((e.stdout or b"").decode("utf-8", "replace"), (e.stderr or b"").decode("utf-8", "replace"),
                       -9, timed_out=True)
    return Outcome(p.stdout.decode("utf-8"), p.stderr.decode("utf-8"), p.returncode)


def run_loopstep(binary, path, timeout):
    for attempt in range(60):
        try:
            p = subprocess.run([binary, "run", path], capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as e:
            return Outcome((e.stdout or b"").decode("utf-8", "replace"), (e.stderr or b"").decode("utf-8", "replace"),
                           -9, timed_out=True)
        except (FileNotFoundError, PermissionError, OSError):
            time.sleep(5)          # the binary is being rebuilt: wait for it
            continue
        return Outcome(p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode)
    raise RuntimeError(f"{binary} did not come back for 5 minutes")


# ---------------------------------------------------------------- classification

SKIP_RULES = [
    # (category, test on (cpython text, loopstep text)) -- checked in order
    ("deviation-int64", lambda c, l: "OverflowError" in l and "OverflowError" not in c),
    ("deviation-memory", lambda c, l: "MemoryError" in l and "MemoryError" not in c),
    ("unsupported", lambda c, l: "not supported in this lesson" in l and "not supported in this lesson" not in c),
    ("deviation-step-budget", lambda c, l: "LoopBlockedError" in l and "LoopBlockedError" not in c),
]


def classify(cp, ls):
    """None when the texts match; otherwise (category, signature)."""
    ct, lt = cp.text(), ls.text()
    if cp.timed_out:
        return ("generator-cpython-timeout", "")
    if cp.rc == DEADLOCK_EXIT or cp.rc not in (0, 1):
        return ("generator-cpython-exit", f"exit {cp.rc}")
    if "SyntaxError" in ct.rsplit("--- exit", 1)[-1] and not cp.stdout:
        return ("generator-syntax", "")
    if ct == lt:
        return None
    for cat, test in SKIP_RULES:
        if test(ct, lt):
            line = next((x for x in lt.splitlines() if cat != "unsupported" or "not supported" in x), "")
            return (cat, mask(line))
    return ("difference", signature(ct, lt, ls))


def mask(s):
    s = re.sub(r"\d+(\.\d+)?(e[-+]?\d+)?", "N", s)
    s = re.sub(r"'[^']*'", "'S'", s)
    return s[:120]


def sorted_braces(line):
    """The line with the items inside every {...} sorted: equal for two lines that differ only in
    the order a set (or a dict) prints."""
    return re.sub(r"\{([^{}]*)\}", lambda m: "{" + ", ".join(sorted(m.group(1).split(", "))) + "}", line)


def caught(line):
    """'TypeError: message' from a line the generated handlers print for a caught exception."""
    m = re.match(r"(?:error:|other|caught|task raised)\s*(\w+(?:Error|Exception|Group)):?\s*(.*)", line)
    if not m:
        return None
    msg = m.group(2).strip()
    if msg.startswith("(") and msg.endswith(")"):        # repr(e) or e.args
        msg = msg[1:-1].rstrip(",")
    if len(msg) >= 2 and msg[0] == msg[-1] and msg[0] in "'\"":
        msg = msg[1:-1]
    return f"{m.group(1)}: {msg}"


def signature(ct, lt, ls):
    """A short description of a difference, to group programs that show the same bug."""
    if ls.timed_out:
        return "loopstep timeout"
    if ls.rc < 0:
        return f"loopstep crash {signal.Signals(-ls.rc).name if -ls.rc in signal.valid_signals() else -ls.rc}"
    if "internal error" in lt:
        line = next(x for x in lt.splitlines() if "internal error" in x)
        return "internal: " + mask(line)
    cl, ll = ct.splitlines(), lt.splitlines()
    for i in range(max(len(cl), len(ll))):
        a = cl[i] if i < len(cl) else "<end>"
        b = ll[i] if i < len(ll) else "<end>"
        if a == b:
            continue
        if b.startswith("--- exit"):
            return "loopstep raises: " + mask(ll[-1])
        if a.startswith("--- exit"):
            return "cpython raises: " + mask(cl[-1])
        if a != b and sorted_braces(a) == sorted_braces(b):
            return "set/dict printing order"
        ea, eb = caught(a), caught(b)
        if ea and eb:
            return f"caught exceptions differ: cpython {mask(ea)!r} / loopstep {mask(eb)!r}"
        if eb:
            return f"loopstep raises (caught): {mask(eb)}"
        if ea:
            return f"cpython raises (caught), loopstep does not: {mask(ea)}"
        return f"first diff: cpython {mask(a)!r} / loopstep {mask(b)!r}"
    return "?"


# ---------------------------------------------------------------- one program

WORKER = {}


def worker_init(binary, timeout, tmp, avoid):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    WORKER.update(binary=binary, timeout=timeout, tmp=tmp, avoid=avoid)


def check_program(path, binary, timeout, fast=True):
    cp = run_oracle_fork(path, timeout) if fast else run_oracle_subprocess(path, timeout)
    ls = run_loopstep(binary, path, timeout)
    return cp, ls, classify(cp, ls)


def check_seed(seed):
    tmp = WORKER["tmp"]
    t0 = time.time()
    try:
        text = generate.generate(seed, WORKER["avoid"])
    except Exception as e:                               # a generator crash is a finding too
        return {"seed": seed, "result": ("generator-crash", repr(e)[:200]), "secs": time.time() - t0}
    path = os.path.join(tmp, f"seed{seed}.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    cp, ls, result = check_program(path, WORKER["binary"], WORKER["timeout"])
    out = {"seed": seed, "result": result, "secs": time.time() - t0, "lines": len(text.splitlines())}
    if result is not None:
        if result[0] == "difference":
            # confirm with a real `python3 oracle.py` run under another hash seed: a different text
            # means the program is not deterministic on CPython (or the fork path misled us)
            a = run_oracle_subprocess(path, WORKER["timeout"] * 3, hashseed=12345)
            if a.text() != cp.text():
                out["result"] = ("generator-nondeterministic", "")
        if out["result"] is not None:
            out.update(program=text, cpython=cp.__dict__, loopstep=ls.__dict__,
                       cpython_text=cp.text(), loopstep_text=ls.text())
    os.unlink(path)
    return out


# ---------------------------------------------------------------- shrinking

def statements(lines):
    """(start, end) line ranges of every statement: a line and the more-indented lines after it."""
    def indent(s):
        return len(s) - len(s.lstrip(" "))
    out = []
    for i, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or indent(lines[j]) > indent(line)):
            j += 1
        out.append((i, j))
    return out


def dedent_body(lines, start, end):
    """A compound statement replaced by its body (for if/for/while/try/else headers)."""
    head = lines[start]
    if not head.rstrip().endswith(":") or end - start < 2:
        return None
    pad = len(head) - len(head.lstrip(" "))
    body = lines[start + 1:end]
    inner = min(len(x) - len(x.lstrip(" ")) for x in body if x.strip())
    return lines[:start] + [" " * pad + x[inner:] if x.strip() else x for x in body] + lines[end:]


def shrink(text, binary, timeout, want_sig, tmpdir, budget_s=120):
    """Greedy statement deletion (and unwrapping of compound statements) while the program still
    compiles, CPython still runs it cleanly, and the difference keeps its signature."""
    lines = text.rstrip("\n").split("\n")
    deadline = time.time() + budget_s
    path = os.path.join(tmpdir, "shrink.py")
    tries = 0

    def still_fails(cand):
        nonlocal tries
        tries += 1
        src = "\n".join(cand) + "\n"
        try:
            compile(src, "shrink.py", "exec")
        except SyntaxError:
            return False
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        cp, ls, res = check_program(path, binary, timeout)
        return res is not None and res[0] == "difference" and res[1] == want_sig

    changed = True
    while changed and time.time() < deadline:
        changed = False
        stmts = statements(lines)
        for start, end in reversed(stmts):
            if time.time() > deadline or end > len(lines):
                break
            cand = lines[:start] + lines[end:]
            if still_fails(cand):
                lines, changed = cand, True
                continue
            cand = dedent_body(lines, start, end)
            if cand and still_fails(cand):
                lines, changed = cand, True
    return "\n".join(lines) + "\n", tries


# ---------------------------------------------------------------- binary snapshot

def snapshot_binary(binary, out_dir, wait_s=900):
    """Copies the interpreter once it exists, has stopped changing and runs a trivial program,
    so a rebuild under way elsewhere cannot swap it mid-run."""
    probe = os.path.join(out_dir, "probe.py")
    with open(probe, "w") as f:
        f.write("import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print('ok', 6 * 7)\nasyncio.run(main())\n")
    deadline = time.time() + wait_s
    dest = os.path.join(out_dir, "loopstep.snapshot")
    while True:
        try:
            st1 = os.stat(binary)
            time.sleep(2)
            st2 = os.stat(binary)
            if (st1.st_size, st1.st_mtime) == (st2.st_size, st2.st_mtime):
                shutil.copy2(binary, dest + ".tmp")
                os.replace(dest + ".tmp", dest)
                p = subprocess.run([dest, "run", probe], capture_output=True, timeout=20)
                if p.stdout == b"ok 42\n" and p.returncode == 0:
                    with open(dest, "rb") as f:
                        digest = hashlib.sha256(f.read()).hexdigest()[:12]
                    return dest, digest, time.ctime(st2.st_mtime)
        except (OSError, subprocess.SubprocessError):
            pass
        if time.time() > deadline:
            sys.exit(f"run.py: no working interpreter at {binary} after {wait_s} s")
        print(f"run.py: waiting for {binary} (missing, changing or not working yet)", flush=True)
        time.sleep(10)


# ---------------------------------------------------------------- main

def save_case(out_dir, r, binary, timeout, do_shrink, tmpdir):
    cat = r["result"][0]
    name = f"diff-{r['seed']}" if cat == "difference" else os.path.join("skipped", f"{cat}-{r['seed']}")
    d = os.path.join(out_dir, name)
    os.makedirs(d, exist_ok=True)
    files = {"program.py": r["program"], "cpython.txt": r["cpython_text"], "loopstep.txt": r["loopstep_text"],
             "cpython.stdout": r["cpython"]["stdout"], "cpython.stderr": r["cpython"]["stderr"],
             "loopstep.stdout": r["loopstep"]["stdout"], "loopstep.stderr": r["loopstep"]["stderr"],
             "signature.txt": f"{cat}: {r['result'][1]}\n"}
    for fn, content in files.items():
        with open(os.path.join(d, fn), "w", encoding="utf-8") as f:
            f.write(content)
    if do_shrink and cat == "difference":
        small, tries = shrink(r["program"], binary, timeout, r["result"][1], tmpdir, budget_s=do_shrink)
        with open(os.path.join(d, "min.py"), "w", encoding="utf-8") as f:
            f.write(small)
        r["min_lines"] = len(small.splitlines())
    return os.path.relpath(d, ROOT) if d.startswith(ROOT) else d


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=None)
    ap.add_argument("--count", type=int, default=None, help="stop after this many programs")
    ap.add_argument("--seed", type=int, default=None, help="first seed (default: from the clock)")
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "native", "core", "loopstep"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "differential"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--shrink", action="store_true", help="minimise the shortest program of each signature (min.py)")
    ap.add_argument("--shrink-minutes", type=float, default=10, help="time limit for all the shrinking")
    ap.add_argument("--keep-skipped", type=int, default=3, help="examples kept per skipped category")
    ap.add_argument("--avoid", default="", help="comma-separated generator features to leave out (see "
                    "generate.py --help): " + ", ".join(generate.FEATURES))
    ap.add_argument("--check", nargs="+", metavar="FILE.py", help="compare these programs and show the texts")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    avoid = [x for x in a.avoid.split(",") if x]
    for x in avoid:
        if x not in generate.FEATURES:
            sys.exit(f"run.py: unknown feature {x!r}; known: {', '.join(generate.FEATURES)}")

    if a.check:
        bad = 0
        for p in a.check:
            cp = run_oracle_subprocess(p, a.timeout * 3)
            ls = run_loopstep(a.binary, p, a.timeout)
            res = classify(cp, ls)
            print(f"{p}: {'same' if res is None else res[0] + ': ' + res[1]}")
            if res is not None:
                bad += 1
                import difflib
                sys.stdout.writelines(difflib.unified_diff(cp.text().splitlines(True), ls.text().splitlines(True),
                                                           "cpython", "loopstep"))
        return 1 if bad else 0

    if a.minutes is None and a.count is None:
        a.minutes = 10
    seed0 = a.seed if a.seed is not None else int(time.time()) % 10**6 * 1000
    for old in os.listdir(a.out):          # a previous run's cases would read as this run's
        if old.startswith("diff-") or old == "skipped":
            shutil.rmtree(os.path.join(a.out, old), ignore_errors=True)
    binary, digest, built = snapshot_binary(a.binary, a.out)
    print(f"differential: {a.binary} (sha256 {digest}, built {built}), seeds from {seed0}, "
          f"{a.jobs} workers, {a.timeout:g} s timeout, " + (f"avoiding {','.join(avoid)}, " if avoid else "") +
          (f"{a.minutes:g} min" if a.minutes is not None else f"{a.count} programs"), flush=True)
    tmp = tempfile.mkdtemp(prefix="differential-")
    deadline = time.time() + a.minutes * 60 if a.minutes is not None else float("inf")
    seeds = itertools.count(seed0) if a.count is None else iter(range(seed0, seed0 + a.count))
    counts, diffs, kept, sigs, lines = {}, [], {}, {}, 0
    n = 0
    start = time.time()
    next_progress = start + 30
    ctx = multiprocessing.get_context("fork")
    pool = ctx.Pool(a.jobs, initializer=worker_init, initargs=(binary, a.timeout, tmp, avoid))
    pending = []
    inflight = []

    def results():
        """Keeps 2 programs per worker queued (Pool.imap would swallow an endless seed iterator)."""
        while True:
            while len(inflight) < 2 * a.jobs and time.time() < deadline:
                s = next(seeds, None)
                if s is None:
                    break
                inflight.append(pool.apply_async(check_seed, (s,)))
            if not inflight:
                return
            ready = [x for x in inflight if x.ready()]
            if not ready:
                time.sleep(0.005)
                continue
            for x in ready:
                inflight.remove(x)
                yield x.get()

    try:
        for r in results():
            n += 1
            lines += r.get("lines", 0)
            res = r["result"]
            if res is not None:
                cat, sig = res
                counts[cat] = counts.get(cat, 0) + 1
                if cat == "difference":
                    sigs.setdefault(sig, []).append(r["seed"])
                    pending.append(r)
                    diffs.append(save_case(a.out, r, binary, a.timeout, False, tmp))
                    if len(sigs[sig]) <= 3:
                        print(f"  difference: seed {r['seed']}: {sig}", flush=True)
                elif "program" in r and kept.get(cat, 0) < a.keep_skipped:
                    kept[cat] = kept.get(cat, 0) + 1
                    save_case(a.out, r, binary, a.timeout, False, tmp)
            if time.time() > next_progress:
                next_progress += 30
                print(f"  ... {n} programs, {counts.get('difference', 0)} differences, "
                      f"{time.time() - start:.0f} s", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    finally:
        pool.terminate()
        pool.join()
    elapsed = time.time() - start
    if a.shrink and pending:
        # the shortest program of each signature first; all of it within --shrink-minutes
        print(f"shrinking the shortest program of each signature (at most {a.shrink_minutes:g} min) ...", flush=True)
        WORKER.update(binary=binary, timeout=a.timeout, tmp=tmp)
        shrink_deadline = time.time() + a.shrink_minutes * 60
        firsts = {}
        for r in sorted(pending, key=lambda r: r["lines"]):
            firsts.setdefault(r["result"][1], r)
        for r in sorted(firsts.values(), key=lambda r: -len(sigs[r["result"][1]])):
            left = shrink_deadline - time.time()
            if left < 5:
                print("  (out of shrinking time)")
                break
            save_case(a.out, r, binary, a.timeout, min(60, left), tmp)
            print(f"  seed {r['seed']}: {r['lines']} -> {r.get('min_lines')} lines", flush=True)
    shutil.rmtree(tmp, ignore_errors=True)

    summary = {"programs": n, "minutes": round(elapsed / 60, 2), "differences": counts.get("difference", 0),
               "categories": counts, "signatures": {k: v for k, v in sorted(sigs.items(), key=lambda kv: -len(kv[1]))},
               "binary_sha256": digest, "first_seed": seed0, "program_lines": lines}
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    other = {k: v for k, v in counts.items() if k != "difference"}
    if other:
        print("not counted as differences: " + ", ".join(f"{k} {v}" for k, v in sorted(other.items())))
    if sigs:
        print("differences by signature:")
        for sig, ss in sorted(sigs.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(ss):4}  {sig}  (seeds {', '.join(map(str, ss[:4]))}{' ...' if len(ss) > 4 else ''})")
    for d in diffs:
        print("  " + d)
    print(f"{n} programs, {counts.get('difference', 0)} differences ({elapsed / 60:.1f} min)")
    return 1 if counts.get("difference") else 0


if __name__ == "__main__":
    sys.exit(main())
