#!/usr/bin/env python3
"""loopstep conformance oracle: CPython 3.11's own asyncio loop on a virtual clock.

Modes
  oracle.py [--ties fifo|default|lifo] PROGRAM.py
        Run one program. Its stdout and stderr are exactly what `python3 PROGRAM.py`
        would print if time were virtual (an uncaught exception prints CPython's usual
        traceback on stderr and exits 1; a SyntaxError likewise).
  oracle.py --regenerate DIR [NAME.py ...]
        Rewrite DIR/NAME.out for every DIR/*.py (or only the ones named).
  oracle.py --check DIR
        Report every .out that is missing or stale. Exit 1 if any is.
  oracle.py --audit DIR
        Checks the corpus itself: determinism (two runs, different hash seeds), that no
        unmarked program depends on the order of timers due at the same instant, that
        passing programs write nothing to stderr, and the language-subset lint. The real
        programs (4NN_*.py, from the asyncio docs and tutorials) are exempt from the lint and
        the stderr check; they must name their source on line 1 and seed any randomness.
  oracle.py --against "COMMAND" DIR
        Run COMMAND PROGRAM.py for every program (e.g. "./dev run") and compare what it
        prints with DIR/*.out using the expected-output format (see README.md).

The virtual clock
  * starts at 0.0 and never moves on its own;
  * when the loop has nothing ready and would wait for its earliest timer, the clock
    jumps to exactly that timer's deadline (no wall time passes);
  * time.sleep(s) blocks the loop (nothing else runs) and adds s to the clock;
  * time.time(), time.monotonic(), time.perf_counter() and loop.time() read the clock;
    so do the wall-clock readings: time.time_ns()/monotonic_ns()/perf_counter_ns()
    (int(clock * 1e9)), time.localtime()/gmtime()/strftime()/ctime()/asctime() without a
    time argument, and datetime's now()/today()/utcnow(): the clock's 0.0 is the epoch,
    1970-01-01 00:00:00, and the time zone is UTC;
  * blocking work in other threads (asyncio.to_thread, loop.run_in_executor) runs on
    virtual threads: one at a time, each until it finishes or calls time.sleep, in the
    order submitted (woken sleepers in deadline order), only while the loop is idle (in
    its select); a time.sleep(s) there takes s of virtual time without blocking the loop
    (the sleeper wakes when the clock reaches its deadline; a thread due at the same
    instant as a timer runs first). Every executor counts as unbounded, so a program
    should keep at most 5 jobs in flight, which any real default executor runs at once;
  * timers due at the same instant fire in the order they were scheduled (FIFO), as on
    a real clock where their deadlines would differ by microseconds. `--ties default`
    keeps CPython's bare heap order instead and `--ties lifo` reverses ties; the audit
    uses both to find programs that depend on tie order.
  * a loop with no ready callbacks and no timers would block forever in CPython; the
    oracle reports that as a deadlock on stderr and exits with status 3.
Everything else is CPython's real event loop (BaseEventLoop._run_once unchanged).
"""
import asyncio
import ast
import concurrent.futures
import heapq
import itertools
import math
import os
import selectors
import subprocess
import sys
import threading
import time
import types

ORACLE = os.path.abspath(__file__)
FAIL_MARK = "--- exit {} ---"
FIFO_MARK = "# relies on: equal-deadline timers fire FIFO"
DEADLOCK_EXIT = 3


# ---------------------------------------------------------------- virtual time

class VirtualClock:
    def __init__(self):
        self.now = 0.0

    def read(self):
        return self.now

    def jump_to(self, deadline):
        if deadline > self.now:
            self.now = deadline


CLOCK = VirtualClock()


def _virtual_time():
    return CLOCK.read()


def _blocking_sleep(seconds):
    _check_sleep_length(seconds)
    if THREADS.sleep_in_worker(seconds):
        return
    # The loop's thread blocks: worker threads due meanwhile run at their deadlines.
    target = CLOCK.now + float(seconds)
    THREADS.run_due_until(target)
    CLOCK.now = target


def _check_sleep_length(seconds):
    if not isinstance(seconds, (int, float)):
        raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer")
    if seconds != seconds:
        raise ValueError("Invalid value NaN (not a number)")
    if abs(seconds) * 1e9 >= 2**63:  # CPython's conversion to 64-bit nanoseconds, before the sign check
        raise OverflowError("timestamp out of range for platform time_t")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")


class _Job:
    def __init__(self, fn, args):
        self.fn, self.args = fn, args
        self.future = concurrent.futures.Future()
        self.go = threading.Event()


class VirtualThreads:
    """Blocking jobs on real threads that take turns: exactly one runs at a time, the loop's
    thread waiting meanwhile, so what they print and when is deterministic."""

    def __init__(self):
        self.seq = itertools.count()
        self.runnable = []   # jobs to start or resume, in order
        self.sleepers = []   # heap of (deadline, seq, job)
        self.job_of_thread = {}
        self.back = threading.Event()

    def submit(self, fn, *args):
        job = _Job(fn, args)
        thread = threading.Thread(target=self._work, args=(job,), daemon=True)
        self.job_of_thread[thread] = job
        self.runnable.append(job)
        thread.start()
        return job.future

    def _work(self, job):
        job.go.wait()
        if job.future.set_running_or_notify_cancel():
            try:
                result = job.fn(*job.args)
            except BaseException as exc:
                job.future.set_exception(exc)
            else:
                job.future.set_result(result)
        self.back.set()

    def sleep_in_worker(self, seconds):
        job = self.job_of_thread.get(threading.current_thread())
        if job is None:
            return False
        heapq.heappush(self.sleepers, (CLOCK.now + float(seconds), next(self.seq), job))
        job.go.clear()
        self.back.set()
        job.go.wait()
        return True

    def run_pending(self):
        """Wake the sleepers that are due, then let every runnable job take its turn."""
        while self.sleepers and self.sleepers[0][0] <= CLOCK.now:
            self.runnable.append(heapq.heappop(self.sleepers)[2])
        while self.runnable:
            job = self.runnable.pop(0)
            self.back.clear()
            job.go.set()
            self.back.wait()

    def next_deadline(self):
        return self.sleepers[0][0] if self.sleepers else math.inf

    def run_due_until(self, target):
        self.run_pending()
        while self.next_deadline() <= target:
            CLOCK.jump_to(self.next_deadline())
            self.run_pending()


THREADS = VirtualThreads()


class _Deadlock(Exception):
    pass


class _JumpingSelector(selectors.DefaultSelector):
    """Never waits: a positive timeout means 'sleep until the earliest timer', so the
    clock jumps straight to that timer's deadline."""

    loop = None

    def select(self, timeout=None):
        while True:
            THREADS.run_pending()
            if timeout == 0 or self.loop._ready:  # the threads may have scheduled callbacks
                return super().select(0)
            timer = self.loop._scheduled[0]._when if self.loop._scheduled else math.inf
            if THREADS.next_deadline() <= timer:
                CLOCK.jump_to(THREADS.next_deadline())
                continue
            break
        # A timer at infinity never fires: with only those left, CPython waits for ever too.
        if timeout is None or (timeout > 0 and math.isinf(timer)):
            sys.stdout.flush()
            sys.stderr.write("oracle: deadlock: nothing is ready and no timer is pending;"
                             " CPython would wait forever\n")
            sys.stderr.flush()
            os._exit(DEADLOCK_EXIT)
        # _run_once computed timeout from the head of the timer heap just now.
        CLOCK.jump_to(timer)
        # Far out (about 97 days on), now + 1 ns rounds back to now and _run_once would never
        # see the timer as due: a real clock passes the deadline, so take the next float.
        if CLOCK.now + self.loop._clock_resolution == CLOCK.now:
            CLOCK.now = math.nextafter(CLOCK.now, math.inf)
        return super().select(0)


class _RankedTimer(asyncio.TimerHandle):
    """A TimerHandle whose heap order breaks deadline ties by a rank."""

    __slots__ = ("_rank",)

    def _key(self):
        return (self._when, self._rank)

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    __hash__ = asyncio.TimerHandle.__hash__


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    ties = "fifo"

    def __init__(self):
        selector = _JumpingSelector()
        super().__init__(selector=selector)
        selector.loop = self
        self._ranks = itertools.count()

    def time(self):
        return CLOCK.read()

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        return asyncio.wrap_future(THREADS.submit(func, *args), loop=self)

    def call_at(self, when, callback, *args, context=None):
        if self.ties == "default":
            return super().call_at(when, callback, *args, context=context)
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _RankedTimer(when, callback, args, self, context)
        rank = next(self._ranks)
        timer._rank = rank if self.ties == "fifo" else -rank
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualTimeLoop()


def _at_clock(reading):
    """A time-module function whose time argument defaults to the virtual clock."""
    def read(*args):
        return reading(*args) if args and args[0] is not None else reading(CLOCK.now)
    return read


def _virtual_ns():
    return int(CLOCK.now * 1e9)


def install(ties="fifo"):
    VirtualTimeLoop.ties = ties
    time.sleep = _blocking_sleep
    time.time = _virtual_time
    time.monotonic = _virtual_time
    time.perf_counter = _virtual_time
    time.time_ns = time.monotonic_ns = time.perf_counter_ns = _virtual_ns
    os.environ["TZ"] = "UTC"
    time.tzset()
    localtime = time.localtime
    for name in ("localtime", "gmtime", "ctime"):
        setattr(time, name, _at_clock(getattr(time, name)))
    strftime, asctime = time.strftime, time.asctime
    time.strftime = lambda fmt, t=None: strftime(fmt, localtime(CLOCK.now) if t is None else t)
    time.asctime = lambda t=None: asctime(localtime(CLOCK.now) if t is None else t)
    # datetime's pure-Python implementation reads time.time(), so now() reads the virtual clock.
    sys.modules.pop("datetime", None)
    sys.modules["_datetime"] = None
    asyncio.set_event_loop_policy(VirtualTimePolicy())


# ---------------------------------------------------------------- one program

def run_program(path, ties="fifo"):
    """Run PROGRAM as __main__ on the virtual clock; behave like `python3 PROGRAM`."""
    install(ties)
    with open(path, "rb") as f:
        source = f.read()
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    sys.argv = [path]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    try:
        code = compile(source, path, "exec")
        exec(code, main.__dict__)
    except SystemExit:
        raise
    except BaseException as exc:
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename == ORACLE:
            tb = tb.tb_next
        exc.__traceback__ = tb
        sys.excepthook(type(exc), exc, tb)
        sys.exit(1)


# ---------------------------------------------------------------- corpus tools

def programs(directory):
    return sorted(f for f in os.listdir(directory) if f.endswith(".py") and f != "oracle.py")


def run_captured(path, ties="fifo", hashseed=None):
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONWARNINGS", None)
    if hashseed is not None:
        env["PYTHONHASHSEED"] = str(hashseed)
    # Run from the program's folder with its bare name, as `cd DIR; python3 NAME.py`.
    proc = subprocess.run([sys.executable, ORACLE, "--ties", ties, os.path.basename(path)],
                          capture_output=True, env=env, timeout=120,
                          cwd=os.path.dirname(os.path.abspath(path)))
    return proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"), proc.returncode


def expected_text(stdout, stderr, returncode):
    """The .out format: stdout verbatim; if the program failed, then (on a line of its
    own) `--- exit N ---` and the last line of stderr."""
    if returncode == 0:
        return stdout
    text = stdout
    if text and not text.endswith("\n"):
        text += "\n"
    lines = stderr.rstrip("\n").split("\n")
    return text + FAIL_MARK.format(returncode) + "\n" + lines[-1] + "\n"


def oracle_text(path, ties="fifo", hashseed=None):
    out, err, rc = run_captured(path, ties, hashseed)
    if rc == DEADLOCK_EXIT:
        raise RuntimeError(f"{path}: {err.strip()}")
    return expected_text(out, err, rc), out, err, rc


def regenerate(directory, names=None):
    for name in names or programs(directory):
        path = os.path.join(directory, name)
        text = oracle_text(path)[0]
        with open(path[:-3] + ".out", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("wrote", name[:-3] + ".out")


def check(directory):
    bad = 0
    for name in programs(directory):
        path = os.path.join(directory, name)
        out_path = path[:-3] + ".out"
        text = oracle_text(path)[0]
        if not os.path.exists(out_path):
            print("missing:", out_path)
            bad += 1
            continue
        with open(out_path, encoding="utf-8", newline="") as f:
            if f.read() != text:
                print("stale:", out_path)
                bad += 1
    print(f"{len(programs(directory)) - bad} up to date, {bad} missing or stale")
    return 1 if bad else 0


def against(command, directory):
    import shlex
    bad = 0
    for name in programs(directory):
        path = os.path.join(directory, name)
        proc = subprocess.run(shlex.split(command) + [path], capture_output=True, timeout=120)
        got = expected_text(proc.stdout.decode("utf-8", "replace"),
                            proc.stderr.decode("utf-8", "replace"), proc.returncode)
        with open(path[:-3] + ".out", encoding="utf-8", newline="") as f:
            want = f.read()
        if got != want:
            bad += 1
            print("differs:", name)
    print(f"{len(programs(directory)) - bad} pass, {bad} differ")
    return 1 if bad else 0


# ---------------------------------------------------------------- subset lint

ALLOWED_IMPORTS = {"asyncio", "time"}
FORBIDDEN_NODES = (ast.ClassDef, ast.With, ast.Yield, ast.YieldFrom, ast.NamedExpr,
                   ast.Match, ast.ImportFrom, ast.AsyncFor, ast.Delete, ast.Lambda,
                   ast.Starred)


def lint(path):
    """Return a list of subset violations (syntax-error programs are skipped)."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    problems = []
    tree = ast.parse(source)
    allowed_lambdas = set()
    allowed_starred = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func
            fname = fn.id if isinstance(fn, ast.Name) else None
            for kw in node.keywords:
                if kw.arg == "key" and isinstance(kw.value, ast.Lambda) and fname == "sorted":
                    allowed_lambdas.add(id(kw.value))
                if kw.arg is None:
                    problems.append(f"line {node.lineno}: **kwargs call")
            for a in node.args:
                if isinstance(a, ast.Starred):
                    allowed_starred.add(id(a))       # f(*args)
    for node in ast.walk(tree):
        if isinstance(node, ast.Lambda) and id(node) in allowed_lambdas:
            continue
        if isinstance(node, ast.Starred) and id(node) in allowed_starred:
            continue
        if isinstance(node, FORBIDDEN_NODES):
            problems.append(f"line {node.lineno}: {type(node).__name__} is outside the subset")
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name not in ALLOWED_IMPORTS or alias.asname:
                    problems.append(f"line {node.lineno}: import {alias.name}")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if node.decorator_list:
                problems.append(f"line {node.lineno}: decorator")
            if node.args.kwarg or node.args.kwonlyargs or node.args.posonlyargs:
                problems.append(f"line {node.lineno}: **kwargs / keyword-only parameters")
    lines = source.splitlines()
    if not lines or not lines[0].startswith("# "):
        problems.append("first line must be a one-line '# ...' comment saying what it checks")
    if not 10 <= len(lines) <= 40:
        problems.append(f"{len(lines)} lines (want 10-40)")
    return problems


def is_real_program(name):
    """400-499: real programs from the asyncio docs and tutorials, outside the old subset."""
    return len(name) > 4 and name[0] == "4" and name[1:3].isdigit() and name[3] == "_"


def lint_real(path):
    """Real programs keep their own code (outside the subset lint); they must name their source
    and seed any randomness."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    first = source.split("\n", 1)[0]
    problems = []
    if not first.startswith("# ") or not ("://" in first or "/" in first):
        problems.append("first line must be '# SOURCE' (a URL, or repository and path)")
    if "import random" in source and "random.seed(" not in source:
        problems.append("uses random without random.seed(N)")
    return problems


def audit(directory):
    bad = 0
    tie_sensitive = 0
    for name in programs(directory):
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8") as f:
            marked = FIFO_MARK in f.read()
        issues = []
        real = is_real_program(name)
        if real:
            issues += lint_real(path)
        elif "_syntax_" not in name:
            issues += lint(path)
        a, out, err, rc = oracle_text(path, hashseed=1)
        b = oracle_text(path, hashseed=2)[0]
        c = oracle_text(path, hashseed=12345)[0]
        if not (a == b == c):
            issues.append("not deterministic across runs / hash seeds")
        if rc == 0 and err and not real:  # a real program may print CPython's warnings
            issues.append("writes to stderr although it succeeds: " + err.strip()[:200])
        if rc not in (0, 1):
            issues.append(f"exit status {rc}")
        if ("_syntax_" in name) != (rc == 1 and out == "" and "Error" in err and "Traceback" not in err):
            if "_syntax_" in name:
                issues.append("syntax program did not fail at compile time")
        default = oracle_text(path, ties="default")[0]
        lifo = oracle_text(path, ties="lifo")[0]
        if lifo != a:
            tie_sensitive += 1
        if default != a and not marked:
            issues.append("depends on equal-deadline order (FIFO != CPython default heap order)"
                          f" but lacks '{FIFO_MARK}'")
        elif lifo != a and not marked:
            issues.append("output changes if equal-deadline timers fire LIFO"
                          f" but lacks '{FIFO_MARK}'")
        if marked and default == a and lifo == a:
            issues.append("marked as relying on FIFO ties but tie order changes nothing")
        with open(path[:-3] + ".out", encoding="utf-8", newline="") as f:
            if f.read() != a:
                issues.append("stale .out")
        status = "ok" if not issues else "PROBLEM"
        flags = (" [fifo-marked]" if marked else "") + (f" [exit {rc}]" if rc else "")
        flags += " [ties: default differs]" if default != a else ""
        flags += " [ties: lifo differs]" if lifo != a else ""
        print(f"{status:7} {name}{flags}")
        for i in issues:
            print("        -", i)
        bad += bool(issues)
    print(f"{len(programs(directory))} programs, {bad} with problems, "
          f"{tie_sensitive} would print differently if equal-deadline timers fired LIFO")
    return 1 if bad else 0


# ---------------------------------------------------------------- command line

def main(argv):
    ties = "fifo"
    if argv[:1] == ["--ties"]:
        ties, argv = argv[1], argv[2:]
        if ties not in ("fifo", "default", "lifo"):
            sys.exit("--ties must be fifo, default or lifo")
    if not argv:
        sys.exit(__doc__)
    if argv[0] == "--regenerate" and len(argv) >= 2:
        regenerate(argv[1], argv[2:])
        return 0
    if argv[0] == "--check" and len(argv) == 2:
        return check(argv[1])
    if argv[0] == "--audit" and len(argv) == 2:
        return audit(argv[1])
    if argv[0] == "--against" and len(argv) == 3:
        return against(argv[1], argv[2])
    if argv[0].startswith("--"):
        sys.exit(__doc__)
    run_program(argv[0], ties)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
