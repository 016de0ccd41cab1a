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
        passing programs write nothing to stderr (except *_warn* ones, whose stderr the .out
        records), and the language-subset lint. The real programs (4NN_*.py, from the asyncio
        docs and tutorials) are exempt from the lint and the stderr check; they must name their
        source on line 1 and seed any randomness.
  oracle.py --against "COMMAND" DIR
        Run COMMAND PROGRAM.py for every program (e.g. "./dev run") and compare what it
        prints with DIR/*.out using the expected-output format (see README.md).

The virtual clock
  * starts at 0.0 and never moves on its own;
  * when the loop has nothing ready and would wait for its earliest timer, the clock
    jumps to exactly that timer's deadline (no wall time passes);
  * time.sleep(s) blocks the loop (nothing else runs) and adds s to the clock;
  * time.time(), time.monotonic(), time.perf_counter() and loop.time() read the clock;
    so do time.gmtime()/localtime()/ctime()/asctime()/strftime() without a time argument,
    time.time_ns()/monotonic_ns()/perf_counter_ns() (int(time() * 1e9)) and datetime's
    now()/today()/utcnow(); the local time zone is UTC;
  * timers due at the same instant fire in the order they were scheduled (FIFO), as on
    a real clock where their deadlines would differ by microseconds. `--ties default`
    keeps CPython's bare heap order instead and `--ties lifo` reverses ties; the audit
    uses both to find programs that depend on tie order.
  * a loop with no ready callbacks and no timers would block forever in CPython; the
    oracle reports that as a deadlock on stderr and exits with status 3.
  * worker threads (asyncio.to_thread, loop.run_in_executor(None, ...)) run instantly in
    virtual time: CPython's thread pool is replaced by the oracle's own worker, a real
    thread that runs only while the loop waits for it. Submitting runs the function at once
    up to its first time.sleep (or its end); a time.sleep in a worker does not block the
    loop: the worker goes on when a timer at now + s fires; when the function ends, the
    result reaches the asyncio future through call_soon_threadsafe, as from a real thread.
    So one thing runs at a time and the order is what CPython's would be if threads took
    no time. (CPython caps its pool at min(32, CPUs + 4) threads; the oracle has no cap.)
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

    def block(self, seconds):
        self.now += seconds

    def jump_to(self, deadline):
        if deadline > self.now:
            self.now = deadline


CLOCK = VirtualClock()


def _virtual_time():
    return CLOCK.read()


class _VirtualWorker:
    """A worker thread in virtual time: a real thread that runs only while the loop thread
    waits for it (hand-off by two semaphores), so its output and timing are deterministic."""

    current = threading.local()

    def __init__(self, loop, func, args, result):
        self.loop, self.func, self.args, self.result = loop, func, args, result
        self.may_run = threading.Semaphore(0)
        self.paused = threading.Semaphore(0)
        self.sleep_for = None
        threading.Thread(target=self._body, daemon=True).start()

    def _body(self):
        _VirtualWorker.current.worker = self
        self.may_run.acquire()
        try:
            value = self.func(*self.args)
        except BaseException as exc:
            self.result.set_exception(exc)
        else:
            self.result.set_result(value)  # its done-callback calls loop.call_soon_threadsafe
        self.sleep_for = None
        self.paused.release()

    def run_until_pause(self):
        """In the loop thread: let the worker run to its next sleep or its end."""
        self.sleep_for = None
        self.may_run.release()
        self.paused.acquire()
        if self.sleep_for is not None:
            self.loop.call_at(CLOCK.read() + self.sleep_for, self.run_until_pause)

    def sleep(self, seconds):
        """In the worker thread: time.sleep lets virtual time pass for this thread only."""
        self.sleep_for = seconds
        self.paused.release()
        self.may_run.acquire()


def _blocking_sleep(seconds):
    if not isinstance(seconds, (int, float)):
        raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer")
    if seconds != seconds:
        raise ValueError("Invalid value NaN (not a number)")
    if abs(seconds) * 1e9 >= 2**63:  # CPython's conversion to 64-bit nanoseconds, before the sign check
        raise OverflowError("timestamp out of range for platform time_t")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    worker = getattr(_VirtualWorker.current, "worker", None)
    if worker is not None:
        worker.sleep(float(seconds))
        return
    CLOCK.block(float(seconds))


class _Deadlock(Exception):
    pass


class _JumpingSelector(selectors.DefaultSelector):
    """Never waits: a positive timeout means 'sleep until the earliest timer', so the
    clock jumps straight to that timer's deadline."""

    loop = None

    def select(self, timeout=None):
        # A timer at infinity never fires: with only those left, CPython waits for ever too.
        if timeout is None or (timeout > 0 and math.isinf(self.loop._scheduled[0]._when)):
            sys.stdout.flush()
            sys.stderr.write("oracle: deadlock: nothing is ready and no timer is pending;"
                             " CPython would wait forever\n")
            sys.stderr.flush()
            os._exit(DEADLOCK_EXIT)
        if timeout > 0:
            # _run_once computed timeout from the head of the timer heap just now.
            CLOCK.jump_to(self.loop._scheduled[0]._when)
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


    def run_in_executor(self, executor, func, *args):
        if executor is not None:
            return super().run_in_executor(executor, func, *args)
        self._check_closed()
        if asyncio.iscoroutine(func) or asyncio.iscoroutinefunction(func):
            raise TypeError("coroutines cannot be used with run_in_executor()")
        result = concurrent.futures.Future()
        result.set_running_or_notify_cancel()
        future = asyncio.wrap_future(result, loop=self)
        _VirtualWorker(self, func, args, result).run_until_pause()
        return future


class VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualTimeLoop()


def _install_calendar():
    """The calendar reads the virtual clock too, in UTC: time.gmtime()/localtime()/ctime()/
    asctime()/strftime() without a time, the *_ns clocks (int(time() * 1e9)), and
    datetime.now()/today()/utcnow(), date.today() (as the base types' own instances)."""
    import datetime
    os.environ["TZ"] = "UTC"
    time.tzset()
    real = {name: getattr(time, name) for name in ("gmtime", "localtime", "ctime", "asctime", "strftime")}
    time.gmtime = lambda secs=None: real["gmtime"](CLOCK.read() if secs is None else secs)
    time.localtime = lambda secs=None: real["localtime"](CLOCK.read() if secs is None else secs)
    time.ctime = lambda secs=None: real["ctime"](CLOCK.read() if secs is None else secs)
    time.asctime = lambda t=None: real["asctime"](time.localtime() if t is None else t)
    time.strftime = lambda fmt, t=None: real["strftime"](fmt, time.localtime() if t is None else t)
    time.time_ns = time.monotonic_ns = time.perf_counter_ns = lambda: int(CLOCK.read() * 1e9)
    base_datetime, base_date = datetime.datetime, datetime.date

    class VirtualDatetime(base_datetime):
        @classmethod
        def now(cls, tz=None):
            return base_datetime.fromtimestamp(CLOCK.read(), tz)

        @classmethod
        def today(cls):
            return base_datetime.fromtimestamp(CLOCK.read())

        @classmethod
        def utcnow(cls):
            return base_datetime.utcfromtimestamp(CLOCK.read())

    class VirtualDate(base_date):
        @classmethod
        def today(cls):
            return base_date.fromtimestamp(CLOCK.read())

    for cls, base in ((VirtualDatetime, base_datetime), (VirtualDate, base_date)):
        cls.__name__ = cls.__qualname__ = base.__name__
        cls.__module__ = "datetime"
    datetime.datetime, datetime.date = VirtualDatetime, VirtualDate


def install(ties="fifo"):
    VirtualTimeLoop.ties = ties
    time.sleep = _blocking_sleep
    time.time = _virtual_time
    time.monotonic = _virtual_time
    time.perf_counter = _virtual_time
    _install_calendar()
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


STDERR_MARK = "--- stderr ---"


def expected_text(stdout, stderr, returncode):
    """The .out format: stdout verbatim; if the program failed, then (on a line of its
    own) `--- exit N ---` and the last line of stderr. A program that succeeds but writes
    to stderr (a RuntimeWarning, "Task exception was never retrieved") has, after its
    stdout, `--- stderr ---` on a line of its own and the whole of stderr."""
    if returncode == 0:
        if not stderr:
            return stdout
        text = stdout
        if text and not text.endswith("\n"):
            text += "\n"
        return text + STDERR_MARK + "\n" + stderr
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

ALLOWED_IMPORTS = {"asyncio", "time", "dataclasses", "contextlib"}
FORBIDDEN_NODES = (ast.NamedExpr,
                   ast.Match, ast.Delete, ast.Lambda,
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
        if isinstance(node, ast.ImportFrom) and node.module not in ALLOWED_IMPORTS:
            problems.append(f"line {node.lineno}: from {node.module} import")
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name not in ALLOWED_IMPORTS or alias.asname:
                    problems.append(f"line {node.lineno}: import {alias.name}")
        if isinstance(node, ast.ImportFrom) and (node.module not in ALLOWED_IMPORTS or node.level):
            problems.append(f"line {node.lineno}: from {node.module} import")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
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
        if rc == 0 and err and "_warn" not in name and not real:  # a real program may print CPython's warnings
            issues.append("writes to stderr although it succeeds (only *_warn* programs may): " + err.strip()[:200])
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
