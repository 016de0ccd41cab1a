#!/usr/bin/env python3
"""Seeded random programs in loopstep's Python subset, for differential testing against CPython.

    python3 tests/differential/generate.py [--seed S]            # one program on stdout
    python3 tests/differential/generate.py --seed S --count N --out DIR

Every program is meant to print the same bytes on CPython 3.11 (through the conformance oracle's
virtual clock) and on loopstep. By construction:
  * it terminates: `for` loops run over small ranges or small containers, a `while` loop counts
    a counter up first thing in its body, recursion carries a decreasing depth, every task is
    awaited before main returns, a queue's consumers get one sentinel each, an event is set;
  * it is deterministic on CPython: no sets of strings printed, no ids, hashes or addresses, no
    reprs of tasks, functions or coroutines, at most one task pending when asyncio.run cancels
    leftovers (CPython iterates a set of tasks there), no failing TaskGroup with several
    siblings still running;
  * its ints stay far below 2**63 (loopstep's ints are 64-bit, a documented deviation): every
    expression carries a bound on its magnitude (on its length for containers) and operands
    are clamped with `%` where a product could grow too large;
  * anything that may raise is either inside a try whose last clause catches Exception, or is
    the program's deliberate last statement (its traceback's last line is compared).
"""
import argparse
import itertools
import os
import random
import sys

INT, FLOAT, STR, BOOL, LIST, DICT, TUPLE, SET = "int", "float", "str", "bool", "list", "dict", "tuple", "set"
VALUE_TYPES = [INT, FLOAT, STR, BOOL, LIST, DICT, TUPLE, SET]   # lists, tuples and sets hold ints

LIMIT = 10**15        # no int expression may exceed this (loopstep overflows past 2**63 ~ 9.2e18)
VAR_CAP = {INT: 10**9, FLOAT: 1e9, STR: 60, BOOL: 1, LIST: 16, DICT: 8, TUPLE: 6, SET: 16}
PARAM_CAP = {INT: 1000, FLOAT: 1000.0, STR: 20, BOOL: 1, LIST: 8, DICT: 6, TUPLE: 4, SET: 8}
ELEM = 10**6          # elements of lists, tuples and dict values
SUM_LEN = 1000        # assumed longest list when bounding sum()

WORDS = ["a", "ab", "abc", "hello", "x y z", "", "caf\u00e9", " pad ", "a,b,,c", "it's", 'say "hi"',
         "tab\there", "UPPER", "MiXeD case", "12", "-7", "3.5", "two\nlines", "spam eggs", "back\\slash",
         "zz", "Hello World", "  lead", "trail  ", "\u00fcber", "q"]
KEYS = ["a", "b", "c", "key", "x1", "zz", "k"]
FLOATS = ["0.5", "0.1", "0.25", "1.5", "2.0", "3.14", "0.001", "2500.0", "0.2", "7.0", "1e-05", "0.3",
          "12.75", "100.0", "1e16", "123456.789", "2.675", "0.125", "1.005", "9.99"]
DELAYS = ["0", "0", "0.1", "0.25", "0.5", "1", "1", "1.5", "2", "0.2", "3"]
EXC_TYPES = ["ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError", "ZeroDivisionError",
             "AssertionError", "Exception"]

INT_SPECS = ["d", "5d", "05d", ",", ">6", "<4", "^7", "x", "b", "o", "X", "+d", "_", "#x", "3", "*^9",
             "-<6", " d", "e", ".2f", "%", "g", "010,"]
FLOAT_SPECS = [".2f", ".0f", ".1f", "g", ".3g", "e", ".2e", ",.2f", "10.3f", "%", ".1%", "+.1f", "08.2f",
               ">10", "^9.1f", "<8", "", ".4", "f", "G", "_.1f", "-^12.3e"]
STR_SPECS = [">8", "<6", "^9", ".3", "*^9", "-<7", "10", "", "_>5", "^2"]


class E:
    """A generated expression: its code, a bound on its magnitude (ints, floats) or its length
    (str, containers), and whether it needs no parentheses as an operand."""
    __slots__ = ("code", "bound", "atom")

    def __init__(self, code, bound, atom=False):
        self.code, self.bound, self.atom = code, bound, atom

    def par(self):
        return self.code if self.atom else f"({self.code})"


class Var:
    __slots__ = ("name", "type", "bound", "cap", "ro")

    def __init__(self, name, type_, bound, cap=None, ro=False):
        self.name, self.type, self.bound = name, type_, bound
        self.cap = cap if cap is not None else VAR_CAP[type_]
        self.ro = ro     # a while loop's counter: never rebound, or the loop might not end


class Func:
    """A callable the generator knows: params are (name, type, default code or None)."""

    def __init__(self, name, params, varargs, kwargs, ret, ret_bound, is_async, kwonly=()):
        self.name, self.params, self.varargs, self.kwargs = name, params, varargs, kwargs
        self.ret, self.ret_bound, self.is_async, self.kwonly = ret, ret_bound, is_async, kwonly


class Scope:
    """A function body (or the module). Variables live in blocks: a name bound inside an if, a
    loop or a try is forgotten when that block ends, since it may not be bound at runtime."""

    def __init__(self, parent, is_async, kind):
        self.parent, self.is_async, self.kind = parent, is_async, kind
        self.blocks = [{}]
        self.funcs = [{}]
        self.outer_assignable = {}   # nonlocal/global names this scope may rebind
        self.loop_depth = 0
        self.no_await = 0            # > 0 inside generator expressions / lambdas
        self.pure = 0                # > 0: no calls, tr() or awaits (any()/all() generator bodies)
        self.ret = None
        self.global_ok = False       # the body starts with `global <counter>`
        self.in_task = False         # an async body that runs as a task (must not raise)

    def local_vars(self):
        out = {}
        for b in self.blocks:
            out.update(b)
        out.update(self.outer_assignable)
        return out

    def readable(self):
        out = self.parent.readable() if self.parent else {}
        out.update(self.local_vars())
        return out

    def callables(self):
        out = self.parent.callables() if self.parent else {}
        for b in self.funcs:
            out.update(b)
        return out

    def can_await(self):
        return self.is_async and not self.no_await


FEATURES = {
    # name: what --avoid NAME leaves out (to look past a bug already found)
    "await-target": "awaits inside assignment targets: d[await f()] = v, xs[await i()] += 1",
    "await-slice": "awaits inside slice bounds: xs[await a():await b()]",
    "await-expr": "awaits as operands inside expressions (await in statements and templates stays)",
    "non-ascii": "string literals with non-ASCII characters",
    "str-pad": "str.center/ljust/rjust/zfill",
    "str-predicates": "str.isupper/islower/isalpha/isdigit/isalnum/isspace",
    "str-method-args": "optional start/end arguments of str.startswith and str.count",
    "set-compare": "the set comparisons <, <=, >, >= (== and issubset stay)",
    "set-negative": "negative ints in sets (their elements are made non-negative)",
    "set-symdiff": "the symmetric difference a ^ b of sets",
    "set-order": "sets whose printing order depends on the hash table's size (elements stay in 0..7)",
    "set-inplace": "in-place set operators |=, -=, &=, ^=",
    "fstring-debug": "the = specifier in f-string fields ({x=})",
    "error-pool": "expressions picked to raise (builtins' TypeErrors, bad calls of user functions)",
}


class Gen:
    def __init__(self, seed, avoid=()):
        self.r = random.Random(seed)
        self.seed = seed
        self.avoid = set(avoid)
        self.ids = itertools.count(1)
        self.tags = itertools.count(1)
        self.risky = False
        self.lines = None
        self.ind = 0
        self.defs = []       # top-level defs produced while generating main
        self.uses_tr = False
        self.uses_aw = False
        self.uses_time = False
        self.await_weight = 0.0

    # ------------------------------------------------------------ helpers

    def fresh(self, prefix):
        return f"{prefix}{next(self.ids)}"

    def tag(self):
        return f"t{next(self.tags)}"

    def chance(self, p):
        return self.r.random() < p

    class _NoAwait:
        def __init__(self, sc, on):
            self.sc, self.on = sc, on

        def __enter__(self):
            self.sc.no_await += self.on

        def __exit__(self, *a):
            self.sc.no_await -= self.on

    def no_await(self, sc, feature):
        """Within this, no await is generated if FEATURE is avoided."""
        return Gen._NoAwait(sc, 1 if feature in self.avoid else 0)

    def pick(self, weighted):
        """weighted: list of (weight, value); entries with weight 0 are skipped."""
        items = [(w, v) for w, v in weighted if w > 0]
        total = sum(w for w, _ in items)
        x = self.r.random() * total
        for w, v in items:
            x -= w
            if x <= 0:
                return v
        return items[-1][1]

    def emit(self, line):
        self.lines.append("    " * self.ind + line)

    class _Indent:
        def __init__(self, gen, n):
            self.gen, self.n = gen, n

        def __enter__(self):
            self.gen.ind += self.n

        def __exit__(self, *a):
            self.gen.ind -= self.n

    def indented(self, n=1):
        return Gen._Indent(self, n)

    def push_block(self, sc):
        sc.blocks.append({})
        sc.funcs.append({})

    def pop_block(self, sc):
        sc.blocks.pop()
        sc.funcs.pop()

    def declare(self, sc, name, type_, bound, cap=None):
        v = Var(name, type_, bound, cap)
        sc.blocks[-1][name] = v
        return v

    def vars_of(self, sc, type_):
        return [v for v in sc.readable().values() if v.type == type_]

    # ------------------------------------------------------------ literals

    def int_lit(self):
        n = self.pick([(6, self.r.randint(0, 12)), (3, self.r.randint(-9, 30)), (1, self.r.choice([100, 255, 1000, 1024, 9999, 123456, 10**9])),
                       (1, -self.r.randint(10, 500))])
        return E(str(n), abs(n), n >= 0)

    def nonzero_lit(self):
        n = self.r.choice([1, 2, 3, 4, 5, 7, 10, -2, -3, 9])
        return E(str(n), abs(n), n >= 0)

    def float_lit(self):
        if self.chance(0.5):
            s = self.r.choice(FLOATS)
        else:
            s = repr(round(self.r.uniform(-60, 60), self.r.choice([0, 1, 2, 3])))
        v = float(s)
        return E(s, abs(v) + 1, v >= 0 and "e" not in s)

    def str_lit(self, words=WORDS):
        if "non-ascii" in self.avoid:
            words = [w for w in words if w.isascii()] or ["a"]
        s = self.r.choice(words)
        return E(repr(s), len(s), True)

    # ------------------------------------------------------------ expressions

    def expr(self, sc, t, d=None):
        if d is None:
            d = self.r.randint(1, 3)
        if t == INT:
            return self.int_expr(sc, d)
        if t == FLOAT:
            return self.float_expr(sc, d)
        if t == STR:
            return self.str_expr(sc, d)
        if t == BOOL:
            return self.bool_expr(sc, d)
        if t == LIST:
            return self.list_expr(sc, d)
        if t == DICT:
            return self.dict_expr(sc, d)
        if t == SET:
            return self.set_expr(sc, d)
        return self.tuple_expr(sc, d)

    def bounded(self, sc, t, cap, d=None):
        """An expression of type t within cap (clamped when the random one is too big)."""
        for _ in range(3):
            e = self.expr(sc, t, d)
            if e.bound <= cap:
                return e
        return self.clamp(e, t, cap)

    def clamp(self, e, t, cap):
        if e.bound <= cap:
            return e
        if t == INT:
            m = max(2, min(int(cap), 1009))
            return E(f"{e.par()} % {m}", m)
        if t == FLOAT:
            m = float(max(2, min(int(cap), 1000)))
            return E(f"{e.par()} % {m!r}", m)
        if t in (STR, LIST, TUPLE):
            n = max(1, int(cap))
            return E(f"{e.par()}[:{n}]", n, True)
        if t == SET:
            n = max(1, int(cap))
            return E(f"set(sorted({e.code})[:{n}])", n, True)
        if t == DICT:
            return E("{}", 0, True)
        return e

    def leaf_common(self, sc, t, d):
        """Choices every type shares: variables, calls, conditionals, tr()/await wrappers."""
        opts = []
        vs = self.vars_of(sc, t)
        if vs:
            opts.append((5, lambda: self._var(self.r.choice(vs))))
        funcs = [f for f in sc.callables().values() if f.ret == t and (not f.is_async or sc.can_await())]
        if funcs and d > 0 and not sc.pure:
            opts.append((1.5, lambda: self.call(sc, self.r.choice(funcs), d - 1)))
        if d > 0:
            opts.append((0.8, lambda: self._cond_expr(sc, t, d)))
        if d > 0 and not sc.pure:
            opts.append((0.5, lambda: self._tr(sc, t, d)))
            if sc.can_await() and "await-expr" not in self.avoid:
                opts.append((self.await_weight, lambda: self._aw(sc, t, d)))
        return opts

    def _var(self, v):
        return E(v.name, v.cap if v.bound is None else v.bound, True)

    def _cond_expr(self, sc, t, d):
        a, b = self.expr(sc, t, d - 1), self.expr(sc, t, d - 1)
        c = self.bool_expr(sc, d - 1)
        return E(f"{a.par()} if {c.par()} else {b.par()}", max(a.bound, b.bound))

    def _tr(self, sc, t, d):
        self.uses_tr = True
        e = self.expr(sc, t, d - 1)
        return E(f"tr({self.tag()!r}, {e.code})", e.bound, True)

    def _aw(self, sc, t, d):
        self.uses_aw = True
        e = self.expr(sc, t, d - 1)
        delay = self.r.choice(DELAYS)
        tag = self.tag()
        if "tag" in sc.readable() and self.chance(0.5):
            tagcode = f"tag + {('.' + tag)!r}"
        else:
            tagcode = repr(tag)
        args = f"{tagcode}, {e.code}" + (f", {delay}" if delay != "0" or self.chance(0.5) else "")
        return E(f"(await aw({args}))", e.bound, True)

    def call(self, sc, f, d):
        pos, kws = [], []
        use_star = f.varargs and self.chance(0.4)
        by_keyword = False       # once a parameter is skipped or named, later ones are named
        for name, pt, default in f.params:
            if default is not None and not use_star and self.chance(0.35):
                by_keyword = True
                continue
            e = self.bounded(sc, pt, PARAM_CAP[pt], d)
            if not use_star and (by_keyword or self.chance(0.25)):
                by_keyword = True
                kws.append(f"{name}={e.code}")
            else:
                pos.append(e.code)
        if use_star:
            pos.append("*" + self.bounded(sc, LIST, PARAM_CAP[LIST], d).par())
        elif f.varargs and not by_keyword and self.chance(0.5):
            for _ in range(self.r.randint(1, 2)):
                pos.append(self.bounded(sc, INT, PARAM_CAP[INT], d).code)
        for name, pt, default in f.kwonly:
            if default is None or self.chance(0.5):
                kws.append(f"{name}={self.bounded(sc, pt, PARAM_CAP[pt], d).code}")
        if f.kwargs:
            for k in self.r.sample(["extra", "k1", "k2", "zz"], self.r.randint(0, 2)):
                kws.append(f"{k}={self.bounded(sc, INT, PARAM_CAP[INT], d).code}")
            if self.chance(0.3):
                kws.append("**" + self.r.choice(["{'k3': 1}", "{'k6': 2, 'k4': 3}", "dict(k5=5)", "{}"]))
        code = f"{f.name}({', '.join(pos + kws)})"
        if f.is_async:
            return E(f"(await {code})", f.ret_bound, True)
        return E(code, f.ret_bound, True)

    # ints
    def int_expr(self, sc, d):
        opts = [(3, self.int_lit)] + self.leaf_common(sc, INT, d)
        if d > 0:
            opts += [
                (4, lambda: self._int_chain(sc, d)),
                (1, lambda: self._int_unary(sc, d)),
                (1.5, lambda: self._len(sc, d)),
                (1, lambda: self._int_builtin(sc, d)),
                (1, lambda: self._int_index(sc, d)),
                (0.6, lambda: self._int_pow(sc, d)),
                (0.6, lambda: self._int_from_float(sc, d)),
                (0.7, lambda: self._int_method(sc, d)),
                (0.4, lambda: self._int_andor(sc, d)),
                (0.8, lambda: self._int_bits(sc, d)),
            ]
            if self.risky:
                opts.append((1, lambda: self._int_risky(sc, d)))
        return self.pick(opts)()

    def _int_chain(self, sc, d):
        """A flat chain like `a - b * c // 3`: Python's precedence decides the parse. Whatever the
        parse, |result| <= prod(1 + |leaf|) over + - * // % (the divisor of // and % is the leaf
        right after it, since nothing binds tighter here), so that product is the bound."""
        parts, bound = [], 1
        for i in range(self.r.randint(2, 4)):
            op = self.r.choice(["+", "-", "*", "+", "-", "*", "//", "%"])
            if i and op in ("//", "%") and not (self.risky and self.chance(0.5)):
                e = self.nonzero_lit()
            else:
                e = self.int_expr(sc, d - 1)
            if bound * (1 + e.bound) > LIMIT:
                e = self.clamp(e, INT, 1009)
                if bound * (1 + e.bound) > LIMIT:
                    break
            if i:
                parts.append(op)
            parts.append(e.par())
            bound *= 1 + e.bound
        if len(parts) == 1:
            return E(parts[0], bound - 1, True)
        return E(" ".join(parts), bound)

    def _int_unary(self, sc, d):
        e = self.int_expr(sc, d - 1)
        return self.r.choice([E(f"-{e.par()}", e.bound), E(f"abs({e.code})", e.bound, True),
                              E(f"+{e.par()}", e.bound), E(f"~{e.par()}", e.bound + 1)])

    def _len(self, sc, d):
        t = self.r.choice([STR, LIST, DICT, TUPLE, SET])
        e = self.expr(sc, t, d - 1)
        return E(f"len({e.code})", max(e.bound, SUM_LEN) if t == LIST else e.bound, True)

    def _int_builtin(self, sc, d):
        k = self.r.randint(0, 6)
        if k == 0:
            xs = self.list_expr(sc, d - 1)
            return E(f"sum({xs.code})", ELEM * SUM_LEN, True)
        if k == 1:
            a, b = self.int_expr(sc, d - 1), self.int_expr(sc, d - 1)
            fn = self.r.choice(["min", "max"])
            if self.chance(0.3):
                c = self.int_expr(sc, d - 1)
                return E(f"{fn}({a.code}, {b.code}, {c.code})", max(a.bound, b.bound, c.bound), True)
            return E(f"{fn}({a.code}, {b.code})", max(a.bound, b.bound), True)
        if k == 2:
            xs = self.list_expr(sc, d - 1)
            fn = self.r.choice(["min", "max"])
            if self.risky and self.chance(0.5):
                return E(f"{fn}({xs.code})", ELEM, True)
            return E(f"{fn}({xs.code}, default={self.int_lit().code})", ELEM, True)
        if k == 3:
            v = self.fresh("i")
            n = self.r.randint(0, 6)
            sc.no_await += 1
            sc.blocks.append({v: Var(v, INT, n)})
            body = self.int_expr(sc, d - 1)
            cond = self.bool_expr(sc, d - 1) if self.chance(0.4) else None
            sc.blocks.pop()
            sc.no_await -= 1
            if body.bound * (n + 1) > LIMIT:
                body = self.clamp(body, INT, 1009)
            return E(f"sum({body.code} for {v} in range({n})" + (f" if {cond.par()}" if cond else "") + ")",
                     body.bound * (n + 1), True)
        if k == 4:
            f = self.float_expr(sc, d - 1)
            if f.bound > 10**12:
                f = self.clamp(f, FLOAT, 1000)
            return E(f"round({f.code})", f.bound + 1, True)
        if k == 5:
            b = self.bool_expr(sc, d - 1)
            return E(f"int({b.code})", 1, True)
        s = self.str_expr(sc, d - 1)
        sub = self.str_lit(["a", "b", " ", ",", "l", "z", "", "ab"])
        fn = self.r.choice(["count", "find"])
        return E(f"{s.par()}.{fn}({sub.code})", s.bound + 1, True)

    def _int_index(self, sc, d):
        t = self.r.choice([LIST, TUPLE, DICT])
        if t == DICT:
            dct = self.dict_expr(sc, d - 1)
            k = self.key_expr(sc, d - 1)
            if self.risky and self.chance(0.6):
                return E(f"{dct.par()}[{k.code}]", ELEM, True)
            dflt = self.int_lit()
            return E(f"{dct.par()}.get({k.code}, {dflt.code})", max(ELEM, dflt.bound), True)
        seq = self.expr(sc, t, d - 1)
        i = self.int_expr(sc, d - 1)
        if self.risky and self.chance(0.6):
            return E(f"{seq.par()}[{i.code}]", ELEM, True)
        # safe: index modulo the length, guarded against an empty sequence (a conditional)
        if seq.atom and self.chance(0.7):
            return E(f"{seq.code}[{i.par()} % len({seq.code})] if {seq.code} else -1", ELEM)
        return E(f"({seq.code} or (0,))[0]" if t == TUPLE else f"({seq.code} or [0])[-1]", ELEM, True)

    def _int_pow(self, sc, d):
        base = self.r.choice([self.int_lit(), self.int_lit(), self.int_expr(sc, d - 1)])
        if base.bound > 1000:
            base = self.clamp(base, INT, 31)
        ex = self.r.randint(0, 3 if base.bound > 50 else 5)
        return E(f"{base.par()} ** {ex}", max(1, base.bound) ** ex)

    def _int_from_float(self, sc, d):
        f = self.float_expr(sc, d - 1)
        if f.bound > 10**12:
            f = self.clamp(f, FLOAT, 1000)
        fn = self.r.choice(["int", "round"])
        return E(f"{fn}({f.code})", f.bound + 1, True)

    def _int_method(self, sc, d):
        k = self.r.randint(0, 3)
        if k == 0:
            xs = self.list_expr(sc, d - 1)
            v = self.int_expr(sc, d - 1)
            return E(f"{xs.par()}.count({v.code})", SUM_LEN, True)
        if k == 1:
            s = self.str_expr(sc, d - 1)
            if self.risky:
                return E(f"int({s.code})", 10**12, True)
            return E(f"len({s.par()}.split())", s.bound + 1, True)
        if k == 2:
            a, b = self.int_expr(sc, d - 1), self.nonzero_lit()
            if self.risky and self.chance(0.5):
                b = self.int_expr(sc, d - 1)
            return E(f"divmod({a.code}, {b.code})[{self.r.randint(0, 1)}]", a.bound + b.bound + 1, True)
        a = self.int_expr(sc, d - 1)
        return E(f"abs({a.code}) // 2", a.bound, True)

    def _int_bits(self, sc, d):
        a = self.clamp(self.int_expr(sc, d - 1), INT, 10**9)
        k = self.r.randint(0, 4)
        if k < 3:
            b = self.clamp(self.int_expr(sc, d - 1), INT, 10**9)
            return E(f"{a.par()} {'&|^'[k]} {b.par()}", 2 * max(a.bound, b.bound) + 1)
        n = self.r.randint(0, 12)
        if self.risky and self.chance(0.1):
            n = -1                                   # ValueError: negative shift count
        return E(f"{a.par()} {'<<' if k == 3 else '>>'} {n}", (a.bound + 1) * 2 ** max(n, 0) if k == 3 else a.bound + 1)

    def _int_andor(self, sc, d):
        a, b = self.int_expr(sc, d - 1), self.int_expr(sc, d - 1)
        return E(f"{a.par()} {self.r.choice(['and', 'or'])} {b.par()}", max(a.bound, b.bound))

    ERRORS = [
        "len(5)", "(5)()", "(3)[0]", "[x for x in 7]", "'a' + 1", "[1] + (1,)", "{}[[1]]", "{[1]: 2}",
        "{(1, [2])}", "int('x7')", "int(' 4 2 ')", "float('1.2.3')", "int(None)", "[3, 4].index(9)",
        "'abc'.index('z')", "(1, 2)[5]", "'ab'[9]", "[1, 2].pop(7)", "[].pop()", "{'a': 1}['b']", "[1][-2]",
        "{'a': 1}[('x', 2)]", "None + 1", "1 < None", "[1, 2] < (1, 2)", "{1} < [1]", "'x' * 'y'", "-'x'",
        "~1.5", "1 / 0", "1 // 0.0", "5 % 0", "divmod(1, 0)", "0 ** -1", "2.0 ** 10000", "int(float('inf'))",
        "round(float('nan'))", "'abc'.foo", "[1].push(2)", "{'a': 1}.add(2)", "sum(['a', 'b'])",
        "sorted([1, 'a'])", "max([])", "min(1)", "'{}{}'.format(1)", "'{0}'.format()", "'{x}'.format(y=1)",
        "format('s', 'd')", "format(1.5, 'd')", "format(3, 's')", "'a'.join([1, 2])", "', '.join(5)",
        "list(1)", "dict([1, 2])", "tuple(5)", "set(3)", "range(1, 2, 0)", "range(1.5)", "chr(-1)",
        "ord('ab')", "abs('x')", "isinstance(1, 2)", "'x'.split('')", "[1, 2, 3][1:2:0]", "'abc'.count()",
        "{'a': 1}.get()", "[].insert(1)", "'a'.replace('a')", "(1, 2).count()", "str(1, 2, 3, 4)",
        "print(1, sepp='')", "sorted([3, 1], reversed=True)", "zip(1, 2)", "enumerate(5)", "{1, 2}.remove(3)",
        "[1, 2].remove(3)", "(lambda a, b: a)(1)", "(lambda a: a)(1, 2)", "(lambda a: a)(b=1)",
        "(lambda *a, k: k)(1)", "(lambda a, **k: a)(1, a=2)", "'abc'[1.0]", "[1, 2][None]", "'a'.center('x')",
        "'a'.startswith(1)", "'x'.zfill('3')", "[0] * 'a'", "'3' < 4 < 5", "(1, 2) + [3]", "{'a': 1} + {}",
        "len(1.5)", "int('')", "float('')", "int('1e3')", "[1, 2][3:1:0]", "{}.pop('k')", "'ab'.index('b', 2)",
        "[][0]", "()[0]", "''[0]", "{1: 2}[2]", "{(1, 2): 3}[(2, 1)]", "1 + '1'", "'1' + 1.5", "[1] * 1.5",
        "None()", "True()", "[].x", "(1).x", "'s'.upper(1)", "len()", "len([], [])", "abs()", "sum()",
    ]

    def error_expr(self, sc, d):
        """An expression that raises: the messages (and exception types) are what is compared."""
        funcs = [f for f in sc.callables().values() if not f.is_async]
        if funcs and self.chance(0.3):
            f = self.r.choice(funcs)
            k = self.r.randint(0, 3)
            req = [p for p in f.params if p[2] is None]
            if k == 0 and not f.varargs:
                return E(f"{f.name}({', '.join(['1'] * (len(f.params) + 1))})", 1, True)
            if k == 1 and req:
                return E(f"{f.name}()", 1, True)
            if k == 2 and f.params:
                return E(f"{f.name}(1, {f.params[0][0]}=2)", 1, True)
            if not f.kwargs:
                return E(f"{f.name}(unexpected=3)", 1, True)
            return E(f"{f.name}(*5)", 1, True)
        return E(self.r.choice(self.ERRORS), 1)

    def _int_risky(self, sc, d):
        k = self.r.randint(0, 6 if "error-pool" not in self.avoid else 4)
        if k >= 5:
            return self.error_expr(sc, d)
        if k == 0:
            a, b = self.int_expr(sc, d - 1), self.int_expr(sc, d - 1)
            return E(f"{a.par()} // {b.par()}", a.bound)
        if k == 1:
            xs = self.list_expr(sc, d - 1)
            v = self.int_expr(sc, d - 1)
            return E(f"{xs.par()}.index({v.code})", SUM_LEN, True)
        if k == 2:
            s = self.str_expr(sc, d - 1)
            return E(f"{s.par()}.index({self.str_lit().code})", s.bound, True)
        if k == 3:
            # deliberately ill-typed: TypeError messages
            a = self.int_expr(sc, d - 1)
            b = self.expr(sc, self.r.choice([STR, LIST, DICT, TUPLE]), d - 1)
            op = self.r.choice(["+", "-", "<", "//", "%", ">="])
            return E(f"{a.par()} {op} {b.par()}", 1)
        name = self.r.choice(list(sc.readable()) or ["value"])
        return E(self.typo(name), 1, True)

    def typo(self, name):
        out = self._typo(name)
        return out if out.isidentifier() and out != name else name + "x"

    def _typo(self, name):
        if len(name) < 3:
            return name + "x"
        i = self.r.randint(0, len(name) - 2)
        k = self.r.randint(0, 2)
        if k == 0:
            return name[:i] + name[i + 1] + name[i] + name[i + 2:]
        if k == 1:
            return name[:i] + name[i + 1:]
        return name[:i] + "q" + name[i:]

    # floats
    def float_expr(self, sc, d):
        opts = [(3, self.float_lit)] + self.leaf_common(sc, FLOAT, d)
        if d > 0:
            opts += [
                (4, lambda: self._float_chain(sc, d)),
                (1.5, lambda: self._true_div(sc, d)),
                (1, lambda: self._float_builtin(sc, d)),
                (0.5, lambda: E(f"-{self.float_expr(sc, d - 1).par()}", 1e9)),
            ]
        e = self.pick(opts)()
        return e

    def _float_chain(self, sc, d):
        n = self.r.randint(2, 3)
        parts, bound = [], 1.0
        leaves = []
        for i in range(n):
            e = self.float_expr(sc, d - 1) if self.chance(0.6) else self.int_expr(sc, d - 1)
            if i == 0:
                parts.append(e.par())
                leaves.append(e.bound)
                continue
            op = self.r.choice(["+", "-", "*", "+", "-", "*", "/", "//", "%"])
            if op in ("/", "//", "%"):
                if not (self.risky and self.chance(0.5)):
                    e = self.r.choice([self.nonzero_lit(), E(self.r.choice(["0.5", "2.0", "1.5", "4.0", "0.1"]), 4, True)])
            leaves.append(e.bound)
            parts += [op, e.par()]
        bound = 1.0
        for b in leaves:
            bound *= 1 + b
        if bound > 1e15:
            return self.float_lit()
        return E(" ".join(parts), bound)

    def _true_div(self, sc, d):
        a = self.int_expr(sc, d - 1)
        b = self.int_expr(sc, d - 1) if self.risky else self.nonzero_lit()
        return E(f"{a.par()} / {b.par()}", a.bound + 1)

    def _float_builtin(self, sc, d):
        k = self.r.randint(0, 5)
        if k == 0:
            a = self.int_expr(sc, d - 1)
            return E(f"float({a.code})", a.bound, True)
        if k == 1:
            a = self.float_expr(sc, d - 1)
            return E(f"round({a.code}, {self.r.randint(0, 4)})", a.bound + 1, True)
        if k == 2:
            a = self.float_expr(sc, d - 1)
            return E(f"abs({a.code})", a.bound, True)
        if k == 3:
            a, b = self.float_expr(sc, d - 1), self.float_expr(sc, d - 1)
            return E(f"{self.r.choice(['min', 'max'])}({a.code}, {b.code})", max(a.bound, b.bound), True)
        if k == 4:
            a = self.float_expr(sc, d - 1)
            if a.bound > 1e5:
                a = self.clamp(a, FLOAT, 100)
            return E(f"abs({a.code}) ** {self.r.choice(['0.5', '2', '1.5', '3'])}", (a.bound + 1) ** 3, True)
        s = self.r.choice(["'1.5'", "'-0.25'", "'1e3'", "' 7 '", "'inf'", "'nan'", "'2.50'"])
        if s in ("'inf'", "'nan'"):
            return E(f"float({s})", 1e300, True) if self.risky else E("float('2.5')", 3, True)
        return E(f"float({s})", 1000, True)

    # strings
    def str_expr(self, sc, d):
        opts = [(3, self.str_lit)] + self.leaf_common(sc, STR, d)
        if d > 0:
            opts += [
                (2, lambda: self._str_concat(sc, d)),
                (2, lambda: self._fstring(sc, d)),
                (1.5, lambda: self._str_conv(sc, d)),
                (1.5, lambda: self._str_method(sc, d)),
                (1, lambda: self._str_slice(sc, d)),
                (1, lambda: self._str_join(sc, d)),
                (0.5, lambda: self._str_format(sc, d)),
                (0.5, lambda: self._str_index(sc, d)),
            ]
        return self.pick(opts)()

    def _str_concat(self, sc, d):
        a, b = self.str_expr(sc, d - 1), self.str_expr(sc, d - 1)
        if self.chance(0.25):
            k = self.r.randint(0, 3)
            a = self.clamp(a, STR, 20)
            return E(f"{a.par()} * {k}", a.bound * k)
        return E(f"{a.par()} + {b.par()}", a.bound + b.bound)

    def _fstring(self, sc, d):
        pieces, bound = [], 0
        for _ in range(self.r.randint(1, 3)):
            if self.chance(0.4):
                lit = self.r.choice(["x", " = ", "[", "]", ": ", "-", "ok ", " | "])
                pieces.append(lit)
                bound += len(lit)
            t = self.r.choice([INT, INT, FLOAT, FLOAT, STR, BOOL, LIST, TUPLE, DICT])
            e = self.expr(sc, t, d - 1)
            if "\\" in e.code or "'" in e.code or "\n" in e.code:
                # before 3.12, an f-string field may not contain a backslash or the quote
                e = self.int_lit() if t != STR else E("'s'", 1, True)
                t = INT if t != STR else STR
            spec = ""
            conv = ""
            if self.chance(0.5):
                if t in (INT, BOOL) and t == INT:
                    spec = ":" + self.r.choice(INT_SPECS)
                elif t == FLOAT:
                    spec = ":" + self.r.choice(FLOAT_SPECS)
                elif t == STR:
                    spec = ":" + self.r.choice(STR_SPECS)
            elif self.chance(0.15):
                conv = self.r.choice(["!r", "!s"])
            code = e.code
            if code.startswith("{"):
                code = " " + code
            eq = "=" if (self.chance(0.05) and not conv and e.atom and "fstring-debug" not in self.avoid) else ""
            pieces.append("{" + code + eq + conv + spec + "}")
            bound += e.bound * 30 + 30 if t not in (INT, FLOAT) else 40
        body = "".join(pieces)
        q = '"'
        if '"' in body:
            return E(repr(body.replace("{", "").replace("}", "")), len(body), True)
        return E("f" + q + body + q, bound, True)

    def _str_conv(self, sc, d):
        t = self.r.choice(VALUE_TYPES)
        e = self.expr(sc, t, d - 1)
        fn = self.r.choice(["str", "repr", "str"])
        return E(f"{fn}({e.code})", e.bound * 30 + 30 if t != INT else 25, True)

    def _str_method(self, sc, d):
        s = self.str_expr(sc, d - 1)
        methods = ["upper()", "lower()", "strip()", "capitalize()", "title()", "lstrip()", "rstrip()",
                   "replace({a}, {b})", "strip('a ')", "lstrip({a})"]
        if "str-pad" not in self.avoid:
            methods += ["zfill({n})", "center({n})", "ljust({n}, '.')", "rjust({n})"]
        m = self.r.choice(methods)
        n = self.r.randint(0, 12)
        a, b = self.str_lit(["a", "l", " ", ",", "ab", "x"]), self.str_lit(["", "-", "AB", "__"])
        code = m.format(a=a.code, b=b.code, n=n)
        return E(f"{s.par()}.{code}", s.bound * 2 + n + 2, True)

    def _str_slice(self, sc, d):
        s = self.str_expr(sc, d - 1)
        return E(f"{s.par()}{self.slice_code(sc, d)}", s.bound, True)

    def slice_code(self, sc, d):
        def part():
            k = self.r.randint(0, 4)
            if k == 0:
                return ""
            if k <= 2:
                return str(self.r.randint(-6, 8))
            with self.no_await(sc, "await-slice"):
                e = self.int_expr(sc, d - 1)
            return e.code if e.atom else e.par()
        a, b = part(), part()
        if self.chance(0.3):
            step = self.r.choice(["-1", "2", "-2", "3", ""])
            if self.risky and self.chance(0.2):
                step = "0"
            return f"[{a}:{b}:{step}]"
        return f"[{a}:{b}]"

    def _str_join(self, sc, d):
        sep = self.str_lit(["", ", ", "-", " ", "|", "::"])
        k = self.r.randint(0, 3)
        if k == 0:
            xs = self.list_expr(sc, d - 1)
            v = self.fresh("x")
            return E(f"{sep.code}.join(str({v}) for {v} in {xs.par()})", xs.bound * 12 + SUM_LEN * 12, True)
        if k == 1:
            s = self.str_expr(sc, d - 1)
            return E(f"{sep.code}.join({s.par()}.split({self.r.choice(['', repr(','), repr(' ')])}))", s.bound * 3, True)
        if k == 2:
            s = self.str_expr(sc, d - 1)
            return E(f"{sep.code}.join(sorted({s.code}))", s.bound * 3, True)
        dct = self.dict_expr(sc, d - 1)
        return E(f"{sep.code}.join({dct.code})", dct.bound * 8, True)

    def _str_format(self, sc, d):
        a, b = self.int_expr(sc, d - 1), self.str_expr(sc, d - 1)
        tmpl = self.r.choice(["'{}-{}'", "'{0}/{1}/{0}'", "'<{:>5}|{:<4}>'", "'{1}{0}'"])
        return E(f"{tmpl}.format({a.code}, {b.code})", b.bound * 2 + 40, True)

    def _str_index(self, sc, d):
        s = self.str_expr(sc, d - 1)
        if self.risky:
            i = self.int_expr(sc, d - 1)
            return E(f"{s.par()}[{i.code}]", 1, True)
        return E(f"({s.code} or '?')[{self.r.choice(['0', '-1'])}]", 1, True)

    # bools
    def bool_expr(self, sc, d):
        opts = [(1, lambda: E(self.r.choice(["True", "False"]), 1, True))] + self.leaf_common(sc, BOOL, d)
        if d > 0:
            opts += [
                (5, lambda: self._compare(sc, d)),
                (1.5, lambda: self._contains(sc, d)),
                (1, lambda: E(f"not {self.bool_expr(sc, d - 1).par()}", 1)),
                (1.5, lambda: self._bool_andor(sc, d)),
                (1, lambda: self._bool_misc(sc, d)),
            ]
        return self.pick(opts)()

    def _compare(self, sc, d):
        t = self.r.choice([INT, INT, INT, FLOAT, STR, LIST, TUPLE, BOOL])
        ops = ["<", "<=", ">", ">=", "==", "!="]
        if self.chance(0.25):
            a, b, c = (self.expr(sc, t, d - 1) for _ in range(3))
            return E(f"{a.par()} {self.r.choice(ops)} {b.par()} {self.r.choice(ops)} {c.par()}", 1)
        a = self.expr(sc, t, d - 1)
        if t in (INT, FLOAT) and self.chance(0.4):
            b = self.expr(sc, FLOAT if t == INT else INT, d - 1)
        elif self.risky and self.chance(0.2):
            b = self.expr(sc, self.r.choice(VALUE_TYPES), d - 1)
        else:
            b = self.expr(sc, t, d - 1)
        return E(f"{a.par()} {self.r.choice(ops)} {b.par()}", 1)

    def _contains(self, sc, d):
        k = self.r.randint(0, 3)
        neg = self.r.choice(["in", "not in"])
        if k == 0:
            return E(f"{self.int_expr(sc, d - 1).par()} {neg} {self.list_expr(sc, d - 1).par()}", 1)
        if k == 1:
            return E(f"{self.str_expr(sc, d - 1).par()} {neg} {self.str_expr(sc, d - 1).par()}", 1)
        if k == 2:
            return E(f"{self.key_expr(sc, d - 1).par()} {neg} {self.dict_expr(sc, d - 1).par()}", 1)
        if self.chance(0.5):
            return E(f"{self.int_expr(sc, d - 1).par()} {neg} {self.set_expr(sc, d - 1).par()}", 1)
        return E(f"{self.int_expr(sc, d - 1).par()} {neg} {self.tuple_expr(sc, d - 1).par()}", 1)

    def _bool_andor(self, sc, d):
        a, b = self.bool_expr(sc, d - 1), self.bool_expr(sc, d - 1)
        return E(f"{a.par()} {self.r.choice(['and', 'or'])} {b.par()}", 1)

    def _bool_misc(self, sc, d):
        k = self.r.randint(0, 5)
        if k == 0:
            t = self.r.choice(VALUE_TYPES)
            e = self.expr(sc, t, d - 1)
            return E(f"bool({e.code})", 1, True)
        if k == 1:
            t = self.r.choice(VALUE_TYPES)
            e = self.expr(sc, t, d - 1)
            types = self.r.choice(["int", "float", "str", "list", "dict", "tuple", "bool", "(int, float)", "(list, tuple)"])
            return E(f"isinstance({e.code}, {types})", 1, True)
        if k == 2:
            s = self.str_expr(sc, d - 1)
            m = ["startswith('a')", "endswith('s')", "startswith(('h', 'x'))"]
            if "str-predicates" not in self.avoid:
                m += ["isdigit()", "isalpha()", "isupper()", "islower()", "isspace()", "isalnum()"]
            m = self.r.choice(m)
            return E(f"{s.par()}.{m}", 1, True)
        if k == 3:
            # loopstep evaluates generator expressions at once (a documented deviation), so
            # any()/all() cannot stop early there: their bodies must not print or raise
            xs = self.list_expr(sc, d - 1)
            v = self.fresh("x")
            sc.no_await += 1
            sc.pure += 1
            old, self.risky = self.risky, False
            sc.blocks.append({v: Var(v, INT, ELEM)})
            c = self.bool_expr(sc, d - 1)
            sc.blocks.pop()
            self.risky = old
            sc.pure -= 1
            sc.no_await -= 1
            return E(f"{self.r.choice(['any', 'all'])}({c.code} for {v} in {self.copied(xs)})", 1, True)
        if k == 4:
            dct = self.dict_expr(sc, d - 1)
            return E(f"{dct.par()}.get({self.key_expr(sc, d - 1).code}) is None", 1)
        if self.chance(0.5):
            a, b = self.set_expr(sc, d - 1), self.set_expr(sc, d - 1)
            forms = [f"{a.par()}.issubset({b.code})", f"{a.par()} == {b.par()}", f"{a.par()} != {b.par()}"]
            if "set-compare" not in self.avoid:
                forms += [f"{a.par()} <= {b.par()}", f"{a.par()} < {b.par()}", f"{a.par()} >= {b.par()}", f"{a.par()} > {b.par()}"]
            return E(self.r.choice(forms), 1)
        a = self.expr(sc, LIST, d - 1)
        return E(f"{a.par()} == sorted({a.code})", 1)

    # lists of ints
    def list_expr(self, sc, d):
        opts = [(2, lambda: self._list_display(sc, d))] + self.leaf_common(sc, LIST, d)
        if d > 0:
            opts += [
                (1, lambda: self._list_range(sc, d)),
                (2, lambda: self._list_comp(sc, d)),
                (1.5, lambda: self._list_sorted(sc, d)),
                (1, lambda: self._list_concat(sc, d)),
                (1, lambda: self._list_slice(sc, d)),
                (1, lambda: self._list_misc(sc, d)),
            ]
        return self.pick(opts)()

    def _list_display(self, sc, d):
        n = self.r.randint(0, 4)
        items = [self.bounded(sc, INT, ELEM, max(0, d - 1)) for _ in range(n)]
        return E("[" + ", ".join(e.code for e in items) + "]", n, True)

    def _list_range(self, sc, d):
        a = self.r.randint(-3, 5)
        b = a + self.r.randint(0, 8)
        k = self.r.randint(0, 3)
        if k == 0:
            return E(f"list(range({b - a}))", b - a, True)
        if k == 1:
            return E(f"list(range({a}, {b}))", b - a, True)
        if k == 2:
            s = self.r.choice([2, 3])
            return E(f"list(range({a}, {b}, {s}))", b - a, True)
        return E(f"list(range({b}, {a}, -{self.r.choice([1, 2])}))", b - a, True)

    def _list_comp(self, sc, d):
        v = self.fresh("v")
        src_kind = self.r.randint(0, 2)
        if src_kind == 0:
            n = self.r.randint(0, 6)
            src, n_bound, vt = f"range({n})", n, INT
        elif src_kind == 1:
            src_e = self.list_expr(sc, d - 1)
            src, n_bound, vt = self.copied(src_e), SUM_LEN, INT
        else:
            src_e = self.str_expr(sc, d - 1)
            src, n_bound, vt = src_e.par(), src_e.bound, STR
        sc.blocks.append({v: Var(v, vt, 6 if vt == STR else ELEM)})
        if vt == STR:
            body = E(f"len({v})" if self.chance(0.5) else f"ord({v})", 2000, True)
        else:
            body = self.bounded(sc, INT, ELEM, d - 1)
        cond = self.bool_expr(sc, d - 1) if self.chance(0.4) else None
        sc.blocks.pop()
        code = f"[{body.code} for {v} in {src}" + (f" if {cond.par()}" if cond else "") + "]"
        return E(code, min(n_bound, SUM_LEN), True)

    def _list_sorted(self, sc, d):
        xs = self.list_expr(sc, d - 1)
        k = self.r.randint(0, 3)
        rev = ", reverse=True" if self.chance(0.4) else ""
        if k == 0:
            return E(f"sorted({xs.code}{rev})", xs.bound, True)
        if k == 1:
            v = self.fresh("k")
            key = self.r.choice([f"-{v}", f"{v} % 3", f"abs({v} - 3)", f"({v} % 2, {v})", f"str({v})"])
            return E(f"sorted({xs.code}, key=lambda {v}: {key}{rev})", xs.bound, True)
        if k == 2:
            return E(f"list(reversed({xs.code}))", xs.bound, True)
        v = self.fresh("m")
        fn = self.r.choice([f"lambda {v}: {v} * 2", f"lambda {v}: {v} - 1", f"abs"])
        if self.chance(0.5):
            return E(f"list(map({fn}, {xs.code}))", xs.bound, True)
        return E(f"list(filter(lambda {v}: {v} % 2, {xs.code}))", xs.bound, True)

    def _list_concat(self, sc, d):
        a, b = self.list_expr(sc, d - 1), self.list_expr(sc, d - 1)
        if self.chance(0.2):
            k = self.r.randint(0, 3)
            a = self.clamp(a, LIST, 5)
            return E(f"{a.par()} * {k}", a.bound * k)
        return E(f"{a.par()} + {b.par()}", a.bound + b.bound)

    def _list_slice(self, sc, d):
        xs = self.list_expr(sc, d - 1)
        return E(f"{xs.par()}{self.slice_code(sc, d)}", xs.bound, True)

    def _list_misc(self, sc, d):
        k = self.r.randint(0, 5)
        if k >= 4:
            st = self.set_expr(sc, d - 1)
            return E(f"list({st.code})" if k == 4 else f"sorted({st.code})", st.bound, True)
        if k == 0:
            t = self.tuple_expr(sc, d - 1)
            return E(f"list({t.code})", t.bound, True)
        if k == 1:
            dct = self.dict_expr(sc, d - 1)
            return E(f"list({dct.par()}.values())", dct.bound, True)
        if k == 2:
            s = self.str_expr(sc, d - 1)
            return E(f"[len(w) for w in {s.par()}.split()]", s.bound, True)
        xs = self.list_expr(sc, d - 1)
        return E(f"[i * {self.r.randint(1, 3)} + x for i, x in enumerate({xs.code})]", xs.bound, True)

    # dicts str -> int
    def key_expr(self, sc, d):
        if self.chance(0.7):
            return self.str_lit(KEYS)
        return self.str_expr(sc, max(0, d - 1))

    def dict_expr(self, sc, d):
        opts = [(2, lambda: self._dict_display(sc, d))] + self.leaf_common(sc, DICT, d)
        if d > 0:
            opts += [
                (1.5, lambda: self._dict_comp(sc, d)),
                (0.7, lambda: self._dict_misc(sc, d)),
            ]
        return self.pick(opts)()

    def _dict_display(self, sc, d):
        keys = self.r.sample(KEYS, self.r.randint(0, 4))
        items = [f"{k!r}: {self.bounded(sc, INT, ELEM, max(0, d - 1)).code}" for k in keys]
        if items and self.chance(0.2):
            items.append(f"{keys[0]!r}: {self.int_lit().code}")     # a repeated key keeps its place
        extra = 0
        if d > 0 and self.chance(0.15):
            other = self.dict_expr(sc, d - 1)
            items.insert(self.r.randint(0, len(items)), f"**{other.par()}")
            extra = other.bound
        return E("{" + ", ".join(items) + "}", len(keys) + extra, True)

    def _dict_comp(self, sc, d):
        v = self.fresh("k")
        if self.chance(0.5):
            keys = self.r.sample(KEYS, self.r.randint(0, 4))
            sc.blocks.append({v: Var(v, STR, 3)})
            body = self.bounded(sc, INT, ELEM, d - 1)
            sc.blocks.pop()
            return E(f"{{{v}: {body.code} for {v} in {keys!r}}}", len(keys), True)
        n = self.r.randint(0, 5)
        sc.blocks.append({v: Var(v, INT, n)})
        body = self.bounded(sc, INT, ELEM, d - 1)
        sc.blocks.pop()
        return E(f"{{str({v}): {body.code} for {v} in range({n})}}", n, True)

    def _dict_misc(self, sc, d):
        k = self.r.randint(0, 2)
        if k == 0:
            xs = self.list_expr(sc, d - 1)
            keys = self.r.sample(KEYS, self.r.randint(0, 4))
            return E(f"dict(zip({keys!r}, {xs.code}))", len(keys), True)
        if k == 1:
            dct = self.dict_expr(sc, d - 1)
            return E(f"dict({dct.code})", dct.bound, True)
        dct = self.dict_expr(sc, d - 1)
        v = self.fresh("kv")
        return E(f"dict(sorted({dct.par()}.items(), key=lambda {v}: {v}[1]))", dct.bound, True)

    # sets of ints (CPython's hash-table order is printed: loopstep follows it for ints)
    def small_set_elements(self):
        return "set-order" in self.avoid

    def set_int(self, sc, d):
        if self.small_set_elements():
            if self.chance(0.5):
                return E(str(self.r.randint(0, 7)), 7, True)
            e = self.int_expr(sc, max(0, d - 1))
            return E(f"{e.par()} % 8", 7)
        if self.chance(0.15):
            n = self.r.choice([-1, -2, 2**31, 2**32 + 1, 8, 16, 32, 64, 1000003, -(2**20), 7, 15, 23])
            if "set-negative" in self.avoid:
                n = abs(n)
            return E(str(n), abs(n), n >= 0)
        e = self.bounded(sc, INT, ELEM, max(0, d - 1))
        if "set-negative" in self.avoid:
            return E(f"abs({e.code})", e.bound, True)
        return e

    def set_expr(self, sc, d):
        opts = [(2, lambda: self._set_display(sc, d))] + self.leaf_common(sc, SET, d)
        if d > 0:
            opts += [
                (1, lambda: self._set_from(sc, d)),
                (1, lambda: self._set_comp(sc, d)),
                (1.5, lambda: self._set_op(sc, d)),
            ]
        return self.pick(opts)()

    def _set_display(self, sc, d):
        n = self.r.randint(0, 5)
        if n == 0:
            return E("set()", 0, True)
        return E("{" + ", ".join(self.set_int(sc, d).code for _ in range(n)) + "}", n, True)

    def _set_from(self, sc, d):
        k = self.r.randint(0, 2)
        if k == 0:
            xs = self.list_expr(sc, d - 1)
            if self.small_set_elements():
                v = self.fresh("x")
                return E(f"{{{v} % 8 for {v} in {xs.par()}}}", xs.bound, True)
            if "set-negative" in self.avoid:
                v = self.fresh("x")
                return E(f"{{abs({v}) for {v} in {xs.par()}}}", xs.bound, True)
            return E(f"set({xs.code})", xs.bound, True)
        if k == 1:
            a, b = sorted([self.r.randint(-10, 40), self.r.randint(-10, 40)])
            if "set-negative" in self.avoid:
                a, b = abs(a), abs(a) + abs(b - a)
            if self.small_set_elements():
                a, b = a % 8, min(8, a % 8 + abs(b - a))
            return E(f"set(range({a}, {b}, {self.r.choice([1, 2, 3, 7])}))", b - a, True)
        t = self.tuple_expr(sc, d - 1)
        if self.small_set_elements():
            v = self.fresh("x")
            return E(f"{{{v} % 8 for {v} in {t.par()}}}", t.bound, True)
        if "set-negative" in self.avoid:
            v = self.fresh("x")
            return E(f"{{abs({v}) for {v} in {t.par()}}}", t.bound, True)
        return E(f"set({t.code})", t.bound, True)

    def _set_comp(self, sc, d):
        v = self.fresh("v")
        n = self.r.randint(0, 8)
        sc.blocks.append({v: Var(v, INT, n)})
        body = self.bounded(sc, INT, ELEM, d - 1)
        if self.chance(0.5):
            body = E(f"{v} * {self.r.choice([3, 8, 16, -1, 1000, 1 << 20])} % {self.r.choice([7, 17, 1 << 30, 100])}", 1 << 30)
        sc.blocks.pop()
        if self.small_set_elements():
            body = E(f"{body.par()} % 8", 7)
        elif "set-negative" in self.avoid:
            body = E(f"abs({body.code})", body.bound, True)
        return E(f"{{{body.code} for {v} in range({n})}}", n, True)

    def _set_op(self, sc, d):
        a, b = self.set_expr(sc, d - 1), self.set_expr(sc, d - 1)
        k = self.r.randint(0, 6)
        if k == 3 and "set-symdiff" in self.avoid:
            k = 0
        if k < 4:
            op = ["|", "&", "-", "^"][k]
            return E(f"{a.par()} {op} {b.par()}", a.bound + b.bound)
        m = ["union", "intersection", "difference"][k - 4]
        return E(f"{a.par()}.{m}({b.code})", a.bound + b.bound, True)

    # tuples of ints
    def tuple_expr(self, sc, d):
        opts = [(2, lambda: self._tuple_display(sc, d))] + self.leaf_common(sc, TUPLE, d)
        if d > 0:
            opts += [
                (1, lambda: E(f"tuple({self.clamp(self.list_expr(sc, d - 1), LIST, 6).code})", 6, True)),
                (0.7, lambda: self._tuple_misc(sc, d)),
            ]
        return self.pick(opts)()

    def _tuple_display(self, sc, d):
        n = self.r.choice([0, 1, 2, 2, 3])
        items = [self.bounded(sc, INT, ELEM, max(0, d - 1)).code for _ in range(n)]
        if n == 1:
            return E(f"({items[0]},)", 1, True)
        return E("(" + ", ".join(items) + ")", n, True)

    def _tuple_misc(self, sc, d):
        k = self.r.randint(0, 2)
        if k == 0:
            a = self.int_expr(sc, d - 1)
            b = self.nonzero_lit() if not self.risky else self.int_expr(sc, d - 1)
            return E(f"divmod({a.code}, {b.code})", 2, True)
        if k == 1:
            a, b = self.tuple_expr(sc, d - 1), self.tuple_expr(sc, d - 1)
            return E(f"{a.par()} + {b.par()}", a.bound + b.bound)
        t = self.tuple_expr(sc, d - 1)
        return E(f"{t.par()}{self.slice_code(sc, d)}", t.bound, True)

    # ------------------------------------------------------------ statements

    def block(self, sc, n, depth):
        for _ in range(n):
            self.stmt(sc, depth)

    def stmt(self, sc, depth):
        in_loop = sc.loop_depth > 0
        kinds = [
            (5, "print"), (3, "assign"), (1.5, "reassign"), (1.5, "aug"), (1.5, "mutate"),
            (1.5 if depth > 0 else 0, "if"), (1.2 if depth > 0 else 0, "for"), (0.6 if depth > 0 else 0, "while"),
            (1.2 if depth > 0 else 0, "try"), (0.6, "unpack"), (0.6 if depth > 0 else 0, "closure"),
            (0.4, "lambda"), (0.3, "assert"), (0.3, "global_set"),
            (0.6 if in_loop else 0, "loopctl"),
        ]
        if sc.can_await():
            kinds += [(1.2, "sleep"), (2.5 * self.await_weight, "await_stmt")]
        kind = self.pick(kinds)
        getattr(self, "s_" + kind)(sc, depth)

    def wrapped(self, sc, body, catch=None):
        """Runs body (which emits statements) in risky mode inside try/except Exception."""
        self.emit("try:")
        old = self.risky
        self.risky = True
        with self.indented():
            body()
        self.risky = old
        if catch is None:
            catch = "Exception" if (sc.in_task or sc.is_async or self.chance(0.7)) else self.r.choice(
                ["(ValueError, TypeError)", "(KeyError, IndexError, ZeroDivisionError)", "Exception",
                 "(NameError, AttributeError)", "LookupError", "ArithmeticError"])
            if catch != "Exception" and (sc.is_async or sc.kind != "module"):
                catch = "Exception"
        self.emit(f"except {catch} as e:")
        with self.indented():
            self.emit(self.r.choice([
                "print('error:', type(e).__name__, e)",
                "print('error:', repr(e))",
                "print('error:', type(e).__name__, e.args)",
                "print(f'error: {type(e).__name__}: {e}')",
            ]))

    def maybe_risky(self, sc, body):
        if self.chance(0.3):
            self.wrapped(sc, body)
        else:
            body()

    def s_print(self, sc, depth):
        def body():
            n = self.r.randint(1, 3)
            args = [self.expr(sc, self.r.choice(VALUE_TYPES)).code for _ in range(n)]
            if self.chance(0.3):
                args.insert(0, repr(self.r.choice(["->", "val", "out:", "check", self.tag()])))
            extra = ""
            if self.chance(0.15):
                extra = ", sep=" + self.r.choice(["''", "', '", "' | '", "'-'"])
            if self.chance(0.1):
                extra += ", end=" + self.r.choice(["'\\n\\n'", "' <\\n'", "';\\n'"])
            self.emit(f"print({', '.join(args)}{extra})")
        self.maybe_risky(sc, body)

    def s_assign(self, sc, depth):
        t = self.r.choice(VALUE_TYPES)
        e = self.expr(sc, t)
        e = self.clamp(e, t, VAR_CAP[t])
        name = self.fresh({INT: "n", FLOAT: "f", STR: "s", BOOL: "b", LIST: "xs", DICT: "d", TUPLE: "tp", SET: "st"}[t])
        self.emit(f"{name} = {e.code}")
        self.declare(sc, name, t, None)
        if self.chance(0.5):
            self.emit(f"print({name!r}, {name})" if self.chance(0.3) else f"print({name})")

    def assignable(self, sc, types=None):
        vs = [v for v in sc.local_vars().values() if (types is None or v.type in types) and not v.ro]
        return vs

    def s_reassign(self, sc, depth):
        vs = self.assignable(sc)
        if not vs:
            return self.s_assign(sc, depth)
        v = self.r.choice(vs)

        def body():
            e = self.clamp(self.expr(sc, v.type), v.type, v.cap)
            self.emit(f"{v.name} = {e.code}")
        self.maybe_risky(sc, body)

    def s_aug(self, sc, depth):
        vs = self.assignable(sc, (INT, FLOAT, STR, LIST) + ((SET,) if "set-inplace" not in self.avoid else ()))
        if not vs:
            return self.s_assign(sc, depth)
        v = self.r.choice(vs)

        def body():
            if v.type == INT:
                op = self.r.choice(["+=", "-=", "+=", "*=", "//=", "%="])
                if op == "*=":
                    e = self.bounded(sc, INT, 10, 1)
                    self.emit(f"{v.name} = {v.name} * {e.par()} % {self.r.choice([97, 1009, 10007])}")
                elif op in ("//=", "%="):
                    e = self.bounded(sc, INT, 1000, 1) if self.risky else self.nonzero_lit()
                    self.emit(f"{v.name} {op} {e.code}")
                else:
                    self.emit(f"{v.name} {op} {self.bounded(sc, INT, 10**4).code}")
            elif v.type == FLOAT:
                op = self.r.choice(["+=", "-=", "*=", "/="])
                e = self.bounded(sc, FLOAT, 10, 1) if op == "*=" else self.bounded(sc, FLOAT, 1e4)
                if op == "/=" and not self.risky:
                    e = self.r.choice([E("2.0", 2, True), E("4", 4, True), E("0.5", 1, True)])
                self.emit(f"{v.name} {op} {e.code}")
                if op == "*=":
                    self.emit(f"{v.name} = {v.name} % 1000.0")
            elif v.type == STR:
                self.emit(f"{v.name} += {self.bounded(sc, STR, 8, 1).code}")
                self.emit(f"{v.name} = {v.name}[-{v.cap}:]")
            elif v.type == SET:
                e = self.bounded(sc, SET, 6, 1)
                self.emit(f"{v.name} {self.r.choice(['|=', '-=', '&=', '^='])} {e.code}")
            else:
                e = self.bounded(sc, LIST, 4, 1)
                self.emit(f"{v.name} += {e.code}")
        self.maybe_risky(sc, body)
        if self.chance(0.4):
            self.emit(f"print({v.name!r}, {v.name})")

    def s_mutate(self, sc, depth):
        vs = [v for v in sc.readable().values() if v.type in (LIST, DICT)]
        if not vs:
            return self.s_assign(sc, depth)
        v = self.r.choice(vs)
        n = v.name

        def body():
            if v.type == LIST:
                k = self.r.randint(0, 8)
                val = self.bounded(sc, INT, ELEM, 2).code
                if k == 0:
                    self.emit(f"{n}.append({val})")
                elif k == 1:
                    self.emit(f"{n}.extend({self.bounded(sc, LIST, 4, 1).code})")
                elif k == 2:
                    self.emit(f"{n}.insert({self.int_lit().code}, {val})")
                elif k == 3:
                    if self.risky:
                        self.emit(f"print('popped', {n}.pop({self.int_lit().code if self.chance(0.5) else ''}))")
                    else:
                        self.emit(f"if {n}:")
                        with self.indented():
                            self.emit(f"print('popped', {n}.pop())")
                elif k == 4:
                    self.emit(f"{n}.sort({self.r.choice(['', 'reverse=True', 'key=lambda z: z % 3'])})")
                elif k == 5:
                    self.emit(f"{n}.reverse()")
                elif k == 6:
                    if self.risky:
                        self.emit(f"{n}[{self.int_lit().code}] = {val}")
                    else:
                        self.emit(f"if {n}:")
                        with self.indented():
                            self.emit(f"{n}[{self.int_lit().code} % len({n})] = {val}")
                elif k == 7:
                    if self.risky:
                        self.emit(f"{n}.remove({val})")
                    else:
                        self.emit(f"{n}.insert(0, {val})")
                else:
                    self.emit(f"{n}.clear()" if self.chance(0.3) else f"{n}.append(len({n}))")
            else:
                k = self.r.randint(0, 5)
                with self.no_await(sc, "await-target"):
                    key = self.key_expr(sc, 1).code
                val = self.bounded(sc, INT, ELEM, 2).code
                if k == 0:
                    self.emit(f"{n}[{key}] = {val}")
                elif k == 1:
                    self.emit(f"{n}.update({self.dict_expr(sc, 1).code})")
                elif k == 2:
                    if self.risky:
                        self.emit(f"print('popped', {n}.pop({key}))")
                    else:
                        self.emit(f"print('popped', {n}.pop({key}, {self.int_lit().code}))")
                elif k == 3:
                    self.emit(f"print('setdefault', {n}.setdefault({key}, {val}))")
                elif k == 4:
                    if self.risky:
                        self.emit(f"{n}[{key}] += {val}")
                    else:
                        self.emit(f"{n}[{key}] = {n}.get({key}, 0) + {val}")
                else:
                    self.emit(f"{n}[{key}] = {n}.pop({key}, 0) - 1")
        self.maybe_risky(sc, body)
        if self.chance(0.5):
            self.emit(f"print({n})")

    def s_if(self, sc, depth):
        self.emit(f"if {self.bool_expr(sc, 2).code}:")
        self.sub_block(sc, depth)
        for _ in range(self.r.choice([0, 0, 1, 2])):
            self.emit(f"elif {self.bool_expr(sc, 2).code}:")
            self.sub_block(sc, depth)
        if self.chance(0.5):
            self.emit("else:")
            self.sub_block(sc, depth)

    def sub_block(self, sc, depth, n=None, pre=None):
        self.push_block(sc)
        with self.indented():
            if pre:
                pre()
            start = len(self.lines)
            self.block(sc, n or self.r.randint(1, 2), depth - 1)
            if len(self.lines) == start:
                self.emit("pass")
        self.pop_block(sc)

    def loop_body(self, sc, depth, pre=None):
        sc.loop_depth += 1

        def inner():
            if pre:
                pre()
            if self.chance(0.5):
                self.emit(f"if {self.bool_expr(sc, 1).code}:")
                with self.indented():
                    if self.chance(0.4):
                        self.emit(f"print('skip')")
                    self.emit(self.r.choice(["continue", "break"]))
        self.sub_block(sc, depth, self.r.randint(1, 2), inner)
        sc.loop_depth -= 1

    def s_for(self, sc, depth):
        v = self.fresh("i")
        k = self.r.randint(0, 6)
        extra = {}
        if k == 0:
            n = self.r.randint(0, 5)
            head, vt, vb = f"for {v} in range({n}):", INT, n
        elif k == 1:
            xs = self.copied(self.clamp(self.list_expr(sc, 1), LIST, 6))
            head, vt, vb = f"for {v} in {xs}:", INT, ELEM
        elif k == 2:
            s = self.clamp(self.str_expr(sc, 1), STR, 8)
            head, vt, vb = f"for {v} in {s.code}:", STR, 1
        elif k == 3:
            dct = self.dict_expr(sc, 1)
            w = self.fresh("w")
            head, vt, vb = f"for {v}, {w} in list({dct.par()}.items()):", STR, 6
            extra = {w: Var(w, INT, ELEM)}
        elif k == 4:
            xs = self.copied(self.clamp(self.list_expr(sc, 1), LIST, 6))
            w = self.fresh("w")
            head, vt, vb = f"for {w}, {v} in enumerate({xs}{self.r.choice(['', ', 1'])}):", INT, ELEM
            extra = {w: Var(w, INT, 10)}
        elif k == 5:
            a = self.copied(self.clamp(self.list_expr(sc, 1), LIST, 6))
            s = self.clamp(self.str_expr(sc, 1), STR, 6)
            w = self.fresh("w")
            head, vt, vb = f"for {v}, {w} in zip({a}, {s.code}):", INT, ELEM
            extra = {w: Var(w, STR, 1)}
        else:
            t = self.tuple_expr(sc, 1)
            head, vt, vb = f"for {v} in {t.code}:", INT, ELEM
        self.emit(head)
        sc.blocks.append({v: Var(v, vt, vb), **extra})
        sc.funcs.append({})
        self.loop_body(sc, depth)
        sc.blocks.pop()
        sc.funcs.pop()
        if self.chance(0.3):
            self.emit("else:")
            self.sub_block(sc, depth, 1)

    def copied(self, e):
        """A list expression to loop over: a copy, since the body may append to the original
        (directly, or through a function that received it)."""
        return f"{e.code}[:]" if e.atom and (e.code[:1].isalpha() or e.code.startswith("(")) else e.par()

    def s_while(self, sc, depth):
        c = self.fresh("c")
        n = self.r.randint(0, 5)
        self.emit(f"{c} = 0")
        cond = f"{c} < {n}"
        if self.chance(0.4):
            cond += f" {self.r.choice(['and', 'or'])} {self.bool_expr(sc, 1).par()}"
            cond = f"{c} < {n} and ({cond})"
        self.emit(f"while {cond}:")
        sc.blocks.append({c: Var(c, INT, n + 1, ro=True)})
        sc.funcs.append({})
        self.loop_body(sc, depth, pre=lambda: self.emit(f"{c} += 1"))
        sc.blocks.pop()
        sc.funcs.pop()
        if self.chance(0.3):
            self.emit("else:")
            self.sub_block(sc, depth, 1)
        self.declare(sc, c, INT, n + 1)

    def raise_stmt(self, sc):
        exc = self.r.choice(EXC_TYPES[:-1] + ["Exception"])
        arg = self.r.choice([
            lambda: self.str_lit().code,
            lambda: self._fstring(sc, 1).code,
            lambda: self.int_lit().code,
            lambda: "",
            lambda: f"{self.str_lit().code}, {self.int_lit().code}",
        ])()
        if exc == "KeyError" and not arg:
            arg = "'missing'"
        return f"raise {exc}({arg})"

    def s_try(self, sc, depth):
        self.emit("try:")
        old = self.risky
        self.risky = True

        def pre():
            if self.chance(0.5):
                self.emit(f"if {self.bool_expr(sc, 1).code}:")
                with self.indented():
                    self.emit(self.raise_stmt(sc))
        self.sub_block(sc, depth, self.r.randint(1, 2), pre if self.chance(0.5) else None)
        if self.chance(0.4):
            with self.indented():
                self.emit(self.raise_stmt(sc) if self.chance(0.5) else f"print({self.expr(sc, INT, 2).code})")
        self.risky = old
        handlers = self.r.sample(["ValueError", "(KeyError, IndexError)", "ZeroDivisionError", "TypeError",
                                  "LookupError", "ArithmeticError", "RuntimeError", "NameError"], self.r.randint(0, 2))
        for h in handlers:
            self.emit(f"except {h} as e:")
            self.push_block(sc)
            with self.indented():
                self.emit(self.r.choice(["print('caught', type(e).__name__, e)", "print('caught', repr(e), e.args)",
                                         "print('caught', str(e))"]))
                if self.chance(0.3):
                    self.stmt(sc, depth - 1)
            self.pop_block(sc)
        # the last handler catches everything an Exception can be, so nothing escapes
        self.emit("except Exception as e:")
        self.push_block(sc)
        with self.indented():
            self.emit("print('other', type(e).__name__, e)")
            if self.chance(0.3):
                self.stmt(sc, depth - 1)
        self.pop_block(sc)
        if self.chance(0.4):
            self.emit("else:")
            self.sub_block(sc, depth, 1)
        if self.chance(0.5):
            self.emit("finally:")
            self.sub_block(sc, depth, 1, lambda: self.emit(f"print('finally', {self.tag()!r})"))

    def s_unpack(self, sc, depth):
        k = self.r.randint(0, 3)
        if k == 0:
            a, b = self.fresh("n"), self.fresh("s")
            self.emit(f"{a}, {b} = {self.bounded(sc, INT, 10**6).code}, {self.bounded(sc, STR, 30).code}")
            self.declare(sc, a, INT, None)
            self.declare(sc, b, STR, None)
            self.emit(f"print({a}, {b})")
        elif k == 1:
            vs = self.assignable(sc, (INT,))
            if len(vs) >= 2:
                x, y = self.r.sample(vs, 2)
                self.emit(f"{x.name}, {y.name} = {y.name}, {x.name}")
                self.emit(f"print({x.name}, {y.name})")
        elif k == 2:
            a, b = self.fresh("n"), self.fresh("n")
            self.emit(f"{a}, {b} = divmod({self.bounded(sc, INT, 10**6).code}, {self.nonzero_lit().code})")
            self.declare(sc, a, INT, None)
            self.declare(sc, b, INT, None)
            self.emit(f"print({a}, {b})")
        else:
            a, b = self.fresh("n"), self.fresh("xs")

            def body():
                xs = self.clamp(self.list_expr(sc, 2), LIST, 8)
                self.emit(f"{a}, *{b} = {xs.code}")
                self.emit(f"print({a}, {b})")
            self.wrapped(sc, body)

    def s_assert(self, sc, depth):
        def body():
            c = self.bool_expr(sc, 2)
            msg = f", {self._fstring(sc, 1).code}" if self.chance(0.5) else ""
            self.emit(f"assert {c.code}{msg}")
            self.emit("print('assert passed')")
        self.wrapped(sc, body)

    def s_loopctl(self, sc, depth):
        self.emit(f"if {self.bool_expr(sc, 1).code}:")
        with self.indented():
            self.emit(self.r.choice(["break", "continue"]))

    def s_global_set(self, sc, depth):
        # a module-level counter that functions rebind through `global`
        if not sc.global_ok:
            return self.s_print(sc, depth)
        self.emit(f"{self.global_counter} += {self.r.randint(1, 5)}")
        self.emit(f"print('counter', {self.global_counter})")

    def s_lambda(self, sc, depth):
        name = self.fresh("fn")
        a, b = self.fresh("p"), self.fresh("p")
        inner = Scope(sc, False, "lambda")
        inner.blocks = [{a: Var(a, INT, PARAM_CAP[INT]), b: Var(b, INT, PARAM_CAP[INT])}]
        body = self.bounded(inner, INT, 10**6, 2)
        dflt = self.r.randint(0, 9)
        self.emit(f"{name} = lambda {a}, {b}={dflt}: {body.code}")
        f = Func(name, [(a, INT, None), (b, INT, str(dflt))], False, False, INT, body.bound, False)
        sc.funcs[-1][name] = f
        self.emit(f"print({self.call(sc, f, 1).code}, {self.call(sc, f, 1).code})")

    def s_closure(self, sc, depth):
        """A function returning a closure over a counter it rebinds with nonlocal."""
        mk, inner, cnt, by = self.fresh("make"), self.fresh("bump"), self.fresh("count"), self.fresh("by")
        start = self.r.randint(0, 10)
        self.emit(f"def {mk}(start={start}):")
        with self.indented():
            self.emit(f"{cnt} = start")
            self.emit(f"def {inner}({by}=1):")
            with self.indented():
                self.emit(f"nonlocal {cnt}")
                self.emit(f"{cnt} += {by}")
                if self.chance(0.5):
                    self.emit(f"print('bump', {cnt})")
                self.emit(f"return {cnt}")
            self.emit(f"return {inner}")
        g = self.fresh("g")
        self.emit(f"{g} = {mk}({self.r.randint(0, 100) if self.chance(0.5) else ''})")
        calls = ", ".join(f"{g}({self.r.randint(1, 5) if self.chance(0.5) else ''})" for _ in range(self.r.randint(1, 3)))
        self.emit(f"print({calls})")
        f = Func(g, [(by, INT, "1")], False, False, INT, 10**6, False)
        sc.funcs[-1][g] = f

    def s_sleep(self, sc, depth):
        d = self.r.choice(DELAYS)
        if self.chance(0.2):
            self.emit(f"print('slept', await asyncio.sleep({d}, result={self.expr(sc, INT, 1).code}))")
        else:
            self.emit(f"await asyncio.sleep({d})")
        if self.chance(0.3):
            self.emit("print('now', now())")

    def s_await_stmt(self, sc, depth):
        """Awaits in statement positions: subscripts, augmented targets, slices, conditions."""
        self.uses_aw = True
        self.uses_tr = True
        d = self.r.choice(DELAYS)
        k = self.r.randint(0, 7)
        dicts = [v for v in sc.readable().values() if v.type == DICT]
        lists = [v for v in sc.readable().values() if v.type == LIST]
        tg = self.tag
        if "await-target" in self.avoid and k in (0, 2):
            k = self.r.choice([1, 4, 5, 6, 7])
        if "await-slice" in self.avoid and k == 3:
            k = self.r.choice([1, 4, 5, 6, 7])
        if k == 0 and dicts:
            dv = self.r.choice(dicts).name
            key = self.r.choice(KEYS)
            self.emit(f"{dv}[await aw({tg()!r}, {key!r}, {d})] = {self.bounded(sc, INT, ELEM, 1).code}")
            self.emit(f"print({dv})")
        elif k == 1 and dicts:
            dv = self.r.choice(dicts).name
            key = self.r.choice(KEYS)
            self.wrapped(sc, lambda: self.emit(
                f"{dv}[tr({tg()!r}, {key!r})] += await aw({tg()!r}, {self.bounded(sc, INT, 1000, 1).code}, {d})"))
            self.emit(f"print({dv})")
        elif k == 2 and lists:
            lv = self.r.choice(lists).name
            self.wrapped(sc, lambda: self.emit(
                f"{lv}[await aw({tg()!r}, {self.int_lit().code})] {self.r.choice(['+=', '-=', '='])} await aw({tg()!r}, {self.int_lit().code}, {d})"))
            self.emit(f"print({lv})")
        elif k == 3:
            seq = self.expr(sc, self.r.choice([LIST, STR, TUPLE]), 1)
            self.emit(f"print({seq.par()}[await aw({tg()!r}, {self.r.randint(-3, 3)}):await aw({tg()!r}, {self.r.randint(-2, 6)}, {d})])")
        elif k == 4:
            self.emit(f"if await aw({tg()!r}, {self.bool_expr(sc, 1).code}, {d}):")
            self.sub_block(sc, depth)
            self.emit("else:")
            self.sub_block(sc, depth)
        elif k == 5:
            v = self.fresh("v")
            n = self.r.randint(0, 4)
            sc.blocks.append({v: Var(v, INT, n)})
            body = self.bounded(sc, INT, ELEM, 1)
            sc.blocks.pop()
            cond = f" if await aw({tg()!r}, {v} % 2 == 0)" if self.chance(0.4) else ""
            self.emit(f"print([await aw({tg()!r}, {body.code}, {d}) for {v} in range({n}){cond}])")
        elif k == 6:
            t = self.r.choice([INT, STR, FLOAT])
            spec = {INT: ":>5", STR: ":^9", FLOAT: ":.2f"}[t]
            val = self.expr(sc, t, 0).code
            if "\\" in val or '"' in val or "'" in val:
                val = {INT: "7", STR: "'word'", FLOAT: "2.5"}[t].replace("'", "") if t != STR else "tag" if "tag" in sc.readable() else "7"
                if t == STR and val == "7":
                    spec = ":>5"
            self.emit(f"print(f\"<{{await aw({tg()!r}, {val}, {d}){spec}}}>\")")
        else:
            a = self.expr(sc, INT, 1)
            self.emit(f"print(tr({tg()!r}, {a.code}), await aw({tg()!r}, {self.expr(sc, STR, 1).code}, {d}), tr({tg()!r}, 0))")

    # ------------------------------------------------------------ functions

    def gen_function(self, sc, is_async=False, name=None, ret=None, in_task=False):
        """Emits a def (or async def) with random typed parameters and body; returns its Func."""
        name = name or self.fresh("afn" if is_async else "fn")
        params, pcode = [], []
        for i in range(self.r.randint(0, 3)):
            pn = self.fresh("p")
            pt = self.r.choice(VALUE_TYPES)
            default = None
            if self.chance(0.35) or params and params[-1][2] is not None:
                default = self.expr(Scope(None, False, "module"), pt, 0).code if pt not in (LIST, DICT, SET) else (
                    "[]" if pt == LIST else "{}") if self.chance(0.3) and pt != SET else self.lit_default(pt)
            params.append((pn, pt, default))
            pcode.append(pn + (f"={default}" if default is not None else ""))
        varargs = self.chance(0.25)
        kwargs = self.chance(0.2)
        kwonly = []
        if varargs:
            an = self.fresh("rest")
            pcode.append("*" + an)
        if self.chance(0.1):
            kn = self.fresh("kw")
            kwonly.append((kn, INT, str(self.r.randint(0, 5)) if self.chance(0.6) else None))
            if not varargs:
                pcode.append("*")
            pcode.append(kn + (f"={kwonly[0][2]}" if kwonly[0][2] is not None else ""))
        if kwargs:
            kwn = self.fresh("opts")
            pcode.append("**" + kwn)
        ret = ret or self.r.choice(VALUE_TYPES)
        self.emit(f"{'async ' if is_async else ''}def {name}({', '.join(pcode)}):")
        fs = Scope(sc, is_async, "def")
        fs.in_task = in_task
        fs.ret = ret
        for pn, pt, _ in params:
            fs.blocks[0][pn] = Var(pn, pt, None, PARAM_CAP[pt])
        for pn, pt, _ in kwonly:
            fs.blocks[0][pn] = Var(pn, pt, None, PARAM_CAP[pt])
        if varargs:
            fs.blocks[0][an] = Var(an, TUPLE, None, 20)
        if kwargs:
            fs.blocks[0][kwn] = Var(kwn, DICT, None, 10)
        with self.indented():
            if self.chance(0.2):
                # at the top: a name used before its global statement is a SyntaxError
                self.emit(f"global {self.global_counter}")
                fs.global_ok = True
            if varargs and self.chance(0.5):
                self.emit(f"print({name!r}, {an})")
            if kwargs and self.chance(0.5):
                self.emit(f"print({name!r}, sorted({kwn}.items()))")
            self.block(fs, self.r.randint(1, 3), 2)
            e = self.clamp(self.expr(fs, ret, 2), ret, VAR_CAP[ret] if ret != INT else 10**6)
            self.emit(f"return {e.code}")
        return Func(name, params, varargs, kwargs, ret, e.bound, is_async, kwonly)

    def lit_default(self, t):
        return {INT: lambda: self.int_lit().code, FLOAT: lambda: self.float_lit().code,
                STR: lambda: self.str_lit().code, BOOL: lambda: self.r.choice(["True", "False"]),
                LIST: lambda: "[1, 2]", DICT: lambda: "{'a': 1}", TUPLE: lambda: "(1, 2)",
                SET: lambda: "{3, 1}"}[t]()

    def s_def(self, sc, is_async=False):
        f = self.gen_function(sc, is_async)
        sc.funcs[-1][f.name] = f
        return f

    # ------------------------------------------------------------ templates (sync)

    def t_recursion(self, sc):
        name = self.fresh("rec")
        k = self.r.randint(0, 3)
        if k == 0:
            self.emit(f"def {name}(n, acc=0):")
            with self.indented():
                self.emit("if n <= 0:")
                self.emit("    return acc")
                self.emit(f"return {name}(n - 1, acc + n * {self.r.randint(1, 5)})")
            self.emit(f"print({name}({self.r.randint(0, 30)}), {name}({self.r.randint(0, 5)}, {self.r.randint(0, 9)}))")
        elif k == 1:
            self.emit(f"def {name}(n):")
            with self.indented():
                self.emit("if n < 2:")
                self.emit("    return n")
                self.emit(f"return {name}(n - 1) + {name}(n - 2)")
            self.emit(f"print([{name}(i) for i in range({self.r.randint(1, 12)})])")
        elif k == 2:
            self.emit(f"def {name}(items, depth=0):")
            with self.indented():
                self.emit("out = []")
                self.emit("for it in items:")
                self.emit("    if isinstance(it, list):")
                self.emit(f"        out.extend({name}(it, depth + 1))")
                self.emit("    else:")
                self.emit("        out.append((it, depth))")
                self.emit("return out")
            self.emit(f"print({name}([1, [2, [3, [4]], 5], [], [[6]]]))")
        else:
            self.emit(f"def {name}(n):")
            with self.indented():
                self.emit(f"return {name}(n + 1)")
            self.emit("try:")
            self.emit(f"    {name}(0)")
            self.emit("except RecursionError as e:")
            self.emit("    print('recursion:', e)")

    def t_late_binding(self, sc):
        fs = self.fresh("fs")
        i = self.fresh("i")
        n = self.r.randint(1, 4)
        if self.chance(0.5):
            self.emit(f"{fs} = [lambda: {i} * 10 for {i} in range({n})]")
        else:
            self.emit(f"{fs} = [lambda {i}={i}: {i} * 10 for {i} in range({n})]")
        self.emit(f"print([f() for f in {fs}])")

    def t_mutable_default(self, sc):
        name = self.fresh("acc")
        self.emit(f"def {name}(x, bucket=[]):")
        self.emit("    bucket.append(x)")
        self.emit("    return len(bucket)")
        self.emit(f"print({name}(1), {name}(2), {name}(3, []), {name}(4))")

    def t_finally_return(self, sc):
        name = self.fresh("fin")
        self.emit(f"def {name}(x):")
        with self.indented():
            self.emit("try:")
            self.emit("    if x > 1:")
            self.emit(f"        raise {self.r.choice(['ValueError', 'KeyError', 'IndexError'])}(x)")
            self.emit("    return 'try'")
            self.emit("except Exception as e:")
            self.emit("    print('except', repr(e))")
            if self.chance(0.5):
                self.emit("    raise RuntimeError('again') from e")
            self.emit("    return 'except'")
            self.emit("finally:")
            self.emit("    print('finally', x)")
            if self.chance(0.4):
                self.emit("    if x > 2:")
                self.emit("        return 'finally'")
        self.emit(f"for x in range({self.r.randint(1, 4)}):")
        self.emit("    try:")
        self.emit(f"        print({name}(x))")
        self.emit("    except RuntimeError as e:")
        self.emit("        print('outer', e, repr(e.__cause__), repr(e.__context__))")

    def t_chained(self, sc):
        self.emit("try:")
        self.emit("    try:")
        self.emit(f"        {self.raise_stmt(sc)}")
        self.emit("    except Exception as inner:")
        if self.chance(0.5):
            self.emit(f"        raise ValueError('wrapped') from inner")
        else:
            self.emit("        " + self.r.choice(["1 / 0", "[][1]", "{}['x']", "int('z')"]))
        self.emit("except Exception as outer:")
        self.emit("    print(type(outer).__name__, outer, type(outer.__context__).__name__, outer.__cause__ is not None)")

    def t_loop_finally(self, sc):
        name = self.fresh("lf")
        ctl = self.r.choice(["break", "continue", "return i", "pass"])
        where = self.r.choice(["try", "finally", "except"])
        self.emit(f"def {name}(n):")
        with self.indented():
            self.emit("out = []")
            self.emit("for i in range(n):")
            with self.indented():
                self.emit("try:")
                self.emit("    out.append(i)")
                self.emit("    if i % 2:")
                self.emit("        raise ValueError(i)")
                if where == "try":
                    self.emit(f"    if i == 2:")
                    self.emit(f"        {ctl}")
                self.emit("except ValueError as e:")
                self.emit("    out.append(-i)")
                if where == "except":
                    self.emit(f"    {ctl}")
                self.emit("finally:")
                self.emit("    out.append('f')")
                if where == "finally":
                    self.emit("    if i == 3:")
                    self.emit(f"        {ctl}")
                self.emit("out.append('end')")
            self.emit("else:")
            self.emit("    out.append('else')")
            self.emit("return out")
        self.emit(f"print({name}({self.r.randint(0, 5)}), {name}({self.r.randint(3, 6)}))")

    def t_unpack_nested(self, sc):
        a, b, c = self.fresh("a"), self.fresh("b"), self.fresh("c")
        k = self.r.randint(0, 3)
        if k == 0:
            self.emit(f"for {a}, ({b}, {c}) in enumerate(zip('xyz', [3, 1, 2])):")
            self.emit(f"    print({a}, {b}, {c})")
        elif k == 1:
            self.emit(f"({a}, {b}), {c} = (1, [2, 3]), 'q'")
            self.emit(f"print({a}, {b}, {c})")
        elif k == 2:
            self.emit(f"{a}, *{b}, {c} = {self.r.choice(['range(5)', '[1, 2]', repr('hello'), '(7,) * 3'])}")
            self.emit(f"print({a}, {b}, {c})")
        else:
            self.emit(f"{a} = {b} = [1]")
            self.emit(f"{b}.append(2)")
            self.emit(f"{a}, {b} = {b}, {a} + [0]")
            self.emit(f"print({a}, {b}, {a} is {b})")

    def t_minmax_key(self, sc):
        xs = self.clamp(self.list_expr(sc, 2), LIST, 8)
        v = self.fresh("k")
        fn = self.r.choice(["min", "max", "sorted"])
        key = self.r.choice([f"lambda {v}: -{v}", f"lambda {v}: {v} % 3", f"abs", f"lambda {v}: ({v} % 2, -{v})", "str"])
        extra = ", default=None" if fn != "sorted" and self.chance(0.5) else ""
        self.wrapped(sc, lambda: self.emit(f"print({fn}({xs.code}, key={key}{extra}))"))
        words = self.r.sample(WORDS[:12], 4)
        if "non-ascii" in self.avoid:
            words = [w for w in words if w.isascii()]
        self.emit(f"print({fn}({words!r}, key={self.r.choice(['len', 'lambda w: w.lower()', 'lambda w: w[-1:]'])}))")

    def t_views(self, sc):
        d = self.dict_expr(sc, 2)
        dv = self.fresh("d")
        self.emit(f"{dv} = {d.code}")
        self.emit(f"print({dv}.keys(), {dv}.values(), {dv}.items())")
        self.emit(f"print(list({dv}), len({dv}.items()), 'a' in {dv}.keys(), 1 in {dv}.values())")
        self.emit(f"{dv}.update(z=1)" if self.chance(0.5) else f"{dv}.update([('w', 2)])")
        self.emit(f"print({dv}.copy(), {dv} == dict({dv}), {dv}.pop('z', None))")

    def t_str_args(self, sc):
        s = self.str_lit()
        opts = [f"{s.code}.split(' ', 1)", f"{s.code}.split(',', {self.r.randint(-1, 2)})", f"{s.code}.replace('a', 'A', 1)",
                f"{s.code}.find('a', 2)",
                f"{s.code}.endswith(('e', 'o'))", f"{s.code}.splitlines()", f"{s.code}.strip(' ,')",
                f"{s.code}.split()", f"{s.code}.index('', 1)", f"{s.code}[::2].upper()", f"{s.code}.lower().title()",
                f"'-'.join({s.code})", f"{s.code} * 2", f"{s.code} < 'b'", f"repr({s.code})", f"{s.code}.rstrip('sz')"]
        if "str-method-args" not in self.avoid:
            opts += [f"{s.code}.count('a', 1, 5)", f"{s.code}.startswith('a', 1)", f"{s.code}.endswith('c', 0, 3)"]
        self.wrapped(sc, lambda: self.emit(f"print({', '.join(self.r.sample(opts, 3))})"))

    def t_print_end(self, sc):
        for _ in range(self.r.randint(1, 3)):
            args = [self.expr(sc, self.r.choice([INT, STR, FLOAT]), 1).code for _ in range(self.r.randint(0, 2))]
            if self.chance(0.5):
                args.append("sep=" + self.r.choice(["''", "'/'", "'\\t'"]))
            args.append("end=" + self.r.choice(["''", "' '", "'|'"]))
            self.emit(f"print({', '.join(args)})")
        self.emit("print()")

    def t_set_mutation(self, sc):
        st = self.fresh("st")
        self.emit(f"{st} = {self.set_expr(sc, 2).code}")
        for _ in range(self.r.randint(1, 4)):
            v = self.set_int(sc, 1).code
            forms = [f"{st}.add({v})", f"{st}.discard({v})"]
            if not self.small_set_elements():
                forms.append(f"{st}.add(len({st}) * 8)")
            if "set-inplace" not in self.avoid:
                forms += [f"{st} |= {{{v}, 5}}", f"{st} -= {{{v}}}",
                          f"{st} &= set(range({'0' if 'set-negative' in self.avoid else '-5'}, 100))", f"{st} ^= {{1, 2}}"]
            self.emit(self.r.choice(forms))
            self.emit(f"print({st}, len({st}))")
        self.emit(f"for v in {st}:")
        self.emit("    print(v, end=' ')")
        self.emit("print()")

    # ------------------------------------------------------------ templates (async)

    def t_future(self, sc):
        fut, setter, cb = self.fresh("fut"), self.fresh("setter"), self.fresh("on_done")
        outcome = self.r.choice(["result", "exception", "cancel"])
        act = {"result": "fut.set_result(tag * 2)", "exception": "fut.set_exception(ValueError(tag))",
               "cancel": "fut.cancel()"}[outcome]
        self.emit_def([f"async def {setter}(fut, tag, delay):", "    await asyncio.sleep(delay)",
                       f"    print('setting', tag, fut.done())", f"    {act}", "    print('set', fut.done())"])
        self.emit_def([f"def {cb}(f):", "    print('callback', f.done(), f.cancelled())"])
        self.emit(f"{fut} = asyncio.get_running_loop().create_future()")
        self.emit(f"{fut}.add_done_callback({cb})")
        self.emit(f"t = asyncio.create_task({setter}({fut}, 'x', {self.r.choice(DELAYS)}))")
        if self.chance(0.4):
            self.emit("try:")
            self.emit(f"    {fut}.result()")
            self.emit("except asyncio.InvalidStateError as e:")
            self.emit("    print('not yet:', e)")
        self.emit("try:")
        self.emit(f"    print('awaited', await {fut})")
        self.emit("except (ValueError, asyncio.CancelledError) as e:")
        self.emit("    print('future raised', type(e).__name__, e.args)")
        self.emit("await t")
        self.emit(f"print({fut}.done(), {fut}.cancelled())")
        if outcome == "exception":
            self.emit(f"print(repr({fut}.exception()))")
        elif outcome == "result":
            self.emit(f"print({fut}.result())")

    def t_semaphore(self, sc):
        w = self.fresh("limited")
        n = self.r.randint(1, 3)
        self.emit_def([f"async def {w}(sem, name, d):", "    async with sem:",
                       "        print(name, 'in', sem.locked(), now())", "        await asyncio.sleep(d)",
                       "        print(name, 'out', now())", "    return name"])
        sem = self.fresh("sem")
        self.emit(f"{sem} = asyncio.Semaphore({n})")
        k = self.r.randint(2, 4)
        delays = [self.r.choice(["0.5", "1", "1.5", "0"]) for _ in range(k)]
        self.emit(f"print(await asyncio.gather({', '.join(f'{w}({sem}, {chr(65 + i)!r}, {delays[i]})' for i in range(k))}))")

    def t_gather_cancel(self, sc):
        w = self.fresh("child")
        self.emit_def([f"async def {w}(name, d):", "    try:", "        await asyncio.sleep(d)",
                       "        print(name, 'done', now())", "        return name",
                       "    except asyncio.CancelledError:", "        print(name, 'cancelled', now())", "        raise"])
        g = self.fresh("group")
        k = self.r.randint(1, 3)
        ret = ", return_exceptions=True" if self.chance(0.4) else ""
        self.emit(f"{g} = asyncio.gather({', '.join(f'{w}({chr(97 + i)!r}, {i + 1})' for i in range(k))}{ret})")
        self.emit(f"await asyncio.sleep({self.r.choice(['0', '0.5', '1.5', '2.5', '5'])})")
        self.emit(f"print('cancel gather', {g}.cancel())")
        self.emit("try:")
        self.emit(f"    print('gathered', await {g})")
        self.emit("except asyncio.CancelledError:")
        self.emit("    print('gather cancelled', now())")
        self.emit(f"print({g}.cancelled(), {g}.done())")

    def t_task_states(self, sc):
        w = self.fresh("outcome")
        self.emit_def([f"async def {w}(kind):", "    await asyncio.sleep(1)", "    if kind == 'fail':",
                       "        raise KeyError(kind)", "    return kind"])
        ts = self.fresh("ts")
        kinds = self.r.sample(["ok", "fail", "cancel", "pending"], self.r.randint(1, 3))
        self.emit(f"{ts} = {{k: asyncio.create_task({w}(k)) for k in {kinds!r}}}")
        self.emit("await asyncio.sleep(0)")
        if "cancel" in kinds:
            self.emit(f"{ts}['cancel'].cancel()")
        self.emit(f"await asyncio.sleep({self.r.choice(['0', '2'])})")
        self.emit(f"for k, t in {ts}.items():")
        with self.indented():
            self.emit("print(k, t.done(), t.cancelled())")
            self.emit("try:")
            self.emit("    print('  result', t.result())")
            self.emit("except (KeyError, asyncio.CancelledError, asyncio.InvalidStateError) as e:")
            self.emit("    print('  result raised', type(e).__name__, e)")
            self.emit("try:")
            self.emit("    print('  exception', repr(t.exception()))")
            self.emit("except (asyncio.CancelledError, asyncio.InvalidStateError) as e:")
            self.emit("    print('  exception raised', type(e).__name__, e)")
        self.emit(f"print([type(r).__name__ for r in await asyncio.gather(*{ts}.values(), return_exceptions=True)])")

    def t_task_names(self, sc):
        w = self.fresh("named")
        self.emit_def([f"async def {w}(d):", "    await asyncio.sleep(d)", "    return asyncio.current_task().get_name()"])
        k = self.r.randint(0, 3)
        if k == 0:
            self.emit(f"print(await asyncio.gather({w}(0), {w}(1)))")
        elif k == 1:
            self.emit(f"t = asyncio.create_task({w}(0){self.r.choice(['', ', name=' + repr('custom')])})")
            self.emit("print(t.get_name(), await t)")
        elif k == 2:
            self.emit(f"print(await asyncio.wait_for({w}(0.5), 2), asyncio.current_task().get_name())")
        else:
            self.emit(f"t = asyncio.create_task({w}(0))")
            self.emit("t.set_name('renamed')" if self.chance(0.5) else "pass")
            self.emit("print(await t)")

    def t_exception_in_task(self, sc):
        w = self.fresh("failing")
        exc = self.r.choice(["ValueError('bad value')", "KeyError('k')", "ZeroDivisionError()", "RuntimeError('x', 2)"])
        self.emit_def([f"async def {w}(d):", "    await asyncio.sleep(d)", f"    raise {exc}"])
        t = self.fresh("ft")
        self.emit(f"{t} = asyncio.create_task({w}({self.r.choice(['0', '1'])}))")
        self.emit(f"await asyncio.sleep({self.r.choice(['0', '0.5', '2'])})")
        self.emit(f"print({t}.done())")
        self.emit("try:")
        self.emit(f"    await {t}")
        self.emit("except Exception as e:")
        self.emit("    print('task raised', type(e).__name__, e, repr(e))")
        self.emit(f"print(repr({t}.exception()))")

    def t_nested_timeouts(self, sc):
        outer, inner = self.r.choice(["1", "2", "3"]), self.r.choice(["0.5", "2", "4"])
        work = self.r.choice(["1", "2.5", "5"])
        self.emit("try:")
        self.emit(f"    async with asyncio.timeout({outer}):")
        self.emit("        try:")
        self.emit(f"            async with asyncio.timeout({inner}):")
        self.emit(f"                await asyncio.sleep({work})")
        self.emit("                print('inner work done', now())")
        self.emit("        except TimeoutError:")
        self.emit("            print('inner timeout', now())")
        self.emit(f"        await asyncio.sleep({self.r.choice(['0', '1', '3'])})")
        self.emit("        print('outer body done', now())")
        self.emit("except TimeoutError:")
        self.emit("    print('outer timeout', now())")


    def t_workers(self, sc):
        """create_task several instances of a random async function; gather them."""
        f = self.gen_function(self.module, True, in_task=True)
        self.module.funcs[0][f.name] = f
        n = self.r.randint(1, 3)
        ts = self.fresh("tasks")
        calls = [self.call(sc, f, 1).code[len("(await "):-1] for _ in range(n)]
        names = self.chance(0.3)
        items = [f"asyncio.create_task({c}" + (f", name={('job' + str(i))!r})" if names else ")") for i, c in enumerate(calls)]
        self.emit(f"{ts} = [{', '.join(items)}]")
        if names:
            self.emit(f"print([t.get_name() for t in {ts}])")
        if self.chance(0.3):
            self.emit(f"await asyncio.sleep({self.r.choice(DELAYS)})")
            self.emit(f"print([t.done() for t in {ts}])")
        res = self.fresh("res")
        if self.chance(0.5):
            self.emit(f"{res} = await asyncio.gather(*{ts})")
        else:
            self.emit(f"{res} = []")
            self.emit(f"for t in {ts}:")
            self.emit(f"    {res}.append(await t)")
        self.emit(f"print('results', {res}, now())")

    def t_gather_exc(self, sc):
        name = self.fresh("job")
        self.emit_def([
            f"async def {name}(tag, delay, fail):",
            "    print('start', tag)",
            "    await asyncio.sleep(delay)",
            "    if fail:",
            f"        raise {self.r.choice(['ValueError', 'KeyError', 'RuntimeError', 'ZeroDivisionError'])}(f'{{tag}} failed')",
            "    print('end', tag, now())",
            "    return tag * 2",
        ])
        n = self.r.randint(2, 4)
        delays = [self.r.choice(DELAYS) for _ in range(n)]
        ret_exc = self.chance(0.6)
        if ret_exc:
            fails = [self.chance(0.4) for _ in range(n)]
        else:
            # at most one failure, and it comes last, so nothing is left running when it escapes
            fails = [False] * n
            if self.chance(0.7):
                last = max(range(n), key=lambda i: float(delays[i]))
                delays[last] = str(float(max(float(x) for x in delays)) + 1)
                fails[last] = True
        args = ", ".join(f"{name}({chr(97 + i)!r}, {delays[i]}, {fails[i]})" for i in range(n))
        res = self.fresh("res")
        if ret_exc:
            self.emit(f"{res} = await asyncio.gather({args}, return_exceptions=True)")
            self.emit(f"for r in {res}:")
            self.emit("    print(type(r).__name__, repr(r))")
        else:
            self.emit("try:")
            self.emit(f"    {res} = await asyncio.gather({args})")
            self.emit(f"    print({res})")
            self.emit("except Exception as e:")
            self.emit("    print('gather failed', repr(e), now())")

    def t_cancel(self, sc):
        name = self.fresh("victim")
        mode = self.r.choice(["reraise", "swallow", "cleanup", "none", "finally"])
        k = self.r.randint(1, 4)
        d = self.r.choice(["0.5", "1", "1.5", "2", "0.1"])
        lines = [f"async def {name}(tag):"]
        body = [f"for i in range({k}):", "    print(tag, 'tick', i, now())", f"    await asyncio.sleep({d})",
                "return tag + ' done'"]
        if mode == "none":
            lines += ["    " + b for b in body]
        else:
            lines.append("    try:")
            lines += ["        " + b for b in body]
            if mode != "finally":
                lines.append("    except asyncio.CancelledError as e:")
                lines.append("        print(tag, 'cancelled', e.args, now())")
                if mode == "cleanup":
                    lines.append("        await asyncio.sleep(0.5)")
                    lines.append("        print(tag, 'cleaned up', now())")
                    lines.append("        raise")
                elif mode == "swallow":
                    lines.append("        return tag + ' swallowed'")
                else:
                    lines.append("        raise")
            lines.append("    finally:")
            lines.append("        print(tag, 'finally')")
        self.emit_def(lines)
        t = self.fresh("task")
        self.emit(f"{t} = asyncio.create_task({name}({self.tag()!r}))")
        wait = self.r.choice(["0", "0.2", "0.5", "1", "1.2", "2.5", "4", "10"])
        if wait != "0" or self.chance(0.5):
            self.emit(f"await asyncio.sleep({wait})")
        msg = self.r.choice(["", "", "'stop'", "'halt now'"])
        self.emit(f"print('cancel', {t}.cancel({msg}), {t}.done())")
        if self.chance(0.3):
            self.emit(f"print('again', {t}.cancel())")
        self.emit("try:")
        self.emit(f"    print('result', await {t})")
        self.emit("except asyncio.CancelledError as e:")
        self.emit("    print('awaiting raised CancelledError', e.args)")
        self.emit(f"print({t}.cancelled(), {t}.done(), now())")
        if self.chance(0.5):
            self.emit(f"if not {t}.cancelled():")
            self.emit(f"    print({t}.result())")

    def t_wait_for(self, sc):
        name = self.fresh("slow")
        swallow = self.chance(0.2)
        lines = [f"async def {name}(tag, delay):", "    try:", "        await asyncio.sleep(delay)",
                 "        print(tag, 'finished', now())", "        return delay * 2",
                 "    except asyncio.CancelledError:", "        print(tag, 'was cancelled', now())"]
        lines.append("        return -1" if swallow else "        raise")
        self.emit_def(lines)
        delay = self.r.choice(["0.5", "1", "2", "3", "1.5"])
        timeout = self.r.choice(["0.5", "1", "2", "2.5", "0.1", "5", "0"])
        if self.chance(0.5):
            self.emit("try:")
            self.emit(f"    print('got', await asyncio.wait_for({name}({self.tag()!r}, {delay}), timeout={timeout}))")
            self.emit("except asyncio.TimeoutError as e:")
            self.emit("    print('timed out', type(e).__name__, now())")
        else:
            self.emit("try:")
            self.emit(f"    async with asyncio.timeout({timeout}):")
            self.emit(f"        print('got', await {name}({self.tag()!r}, {delay}))")
            if self.chance(0.5):
                self.emit(f"        await asyncio.sleep({self.r.choice(DELAYS)})")
            self.emit("        print('block done', now())")
            self.emit("except TimeoutError:")
            self.emit("    print('timeout block expired', now())")

    def t_queue(self, sc):
        prod, cons = self.fresh("producer"), self.fresh("consumer")
        ncons = self.r.randint(1, 3)
        n = self.r.randint(0, 6)
        maxsize = self.r.choice([0, 1, 2, 3])
        pd, cd = self.r.choice(DELAYS), self.r.choice(DELAYS)
        self.emit_def([
            f"async def {prod}(q, n):",
            "    for i in range(n):",
            f"        await asyncio.sleep({pd})",
            "        await q.put(i * 10)",
            "        print('put', i, q.qsize(), q.full(), now())",
            f"    for _ in range({ncons}):",
            "        await q.put(None)",
        ])
        self.emit_def([
            f"async def {cons}(q, name):",
            "    got = []",
            f"    for _ in range({n + ncons + 1}):",
            "        item = await q.get()",
            "        if item is None:",
            "            break",
            f"        await asyncio.sleep({cd})",
            "        got.append(item)",
            "        print(name, 'got', item, now())",
            "    return got",
        ])
        q = self.fresh("q")
        self.emit(f"{q} = asyncio.Queue({'maxsize=' + str(maxsize) if maxsize else ''})")
        cs = ", ".join(f"{cons}({q}, 'c{i}')" for i in range(ncons))
        self.emit(f"print(await asyncio.gather({prod}({q}, {n}), {cs}))")
        self.emit(f"print({q}.empty(), {q}.qsize())")
        if self.chance(0.4):
            self.emit("try:")
            self.emit(f"    {q}.get_nowait()")
            self.emit("except asyncio.QueueEmpty:")
            self.emit("    print('empty')")

    def t_queue_join(self, sc):
        w = self.fresh("worker")
        nw = self.r.randint(1, 3)
        n = self.r.randint(0, 5)
        self.emit_def([
            f"async def {w}(name, q, seen):",
            "    while True:",
            "        item = await q.get()",
            f"        await asyncio.sleep({self.r.choice(DELAYS)} + item / 10)",
            "        seen.append((name, item))",
            "        q.task_done()",
        ])
        q, seen, ws = self.fresh("q"), self.fresh("seen"), self.fresh("workers")
        self.emit(f"{q} = asyncio.Queue()")
        self.emit(f"{seen} = []")
        self.emit(f"for i in range({n}):")
        self.emit(f"    {q}.put_nowait(i)")
        self.emit(f"{ws} = [asyncio.create_task({w}(f'w{{i}}', {q}, {seen})) for i in range({nw})]")
        self.emit(f"await {q}.join()")
        self.emit(f"print('joined', {seen}, now())")
        self.emit(f"for t in {ws}:")
        self.emit("    t.cancel()")
        self.emit(f"print([type(r).__name__ for r in await asyncio.gather(*{ws}, return_exceptions=True)])")

    def t_event(self, sc):
        w = self.fresh("waiter")
        use_timeout = self.chance(0.3)
        lines = [f"async def {w}(ev, name):", "    print(name, 'waiting', ev.is_set())"]
        if use_timeout:
            lines += ["    try:", f"        await asyncio.wait_for(ev.wait(), {self.r.choice(['0.5', '1', '3'])})",
                      "    except asyncio.TimeoutError:", "        print(name, 'gave up', now())", "        return name + ' timeout'"]
        else:
            lines.append("    await ev.wait()")
        lines += ["    print(name, 'woke', now())", "    return name"]
        self.emit_def(lines)
        ev, ws = self.fresh("ev"), self.fresh("ws")
        self.emit(f"{ev} = asyncio.Event()")
        self.emit(f"{ws} = [asyncio.create_task({w}({ev}, f'e{{i}}')) for i in range({self.r.randint(1, 3)})]")
        self.emit(f"await asyncio.sleep({self.r.choice(['0', '1', '2'])})")
        self.emit(f"{ev}.set()")
        self.emit(f"print('set', {ev}.is_set())")
        if self.chance(0.3):
            self.emit(f"{ev}.clear()")
        self.emit(f"print(await asyncio.gather(*{ws}))")

    def t_lock(self, sc):
        w = self.fresh("incr")
        locked = self.chance(0.6)
        k = self.r.randint(1, 3)
        d = self.r.choice(DELAYS)
        lines = [f"async def {w}(name, lock, box):", f"    for i in range({k}):"]
        if locked:
            lines += ["        async with lock:", "            v = box[0]", f"            await asyncio.sleep({d})",
                      "            box[0] = v + 1", "            print(name, box[0], lock.locked(), now())"]
        else:
            lines += ["        v = box[0]", f"        await asyncio.sleep({d})", "        box[0] = v + 1",
                      "        print(name, box[0], now())"]
        self.emit_def(lines)
        lk, box = self.fresh("lock"), self.fresh("box")
        self.emit(f"{lk} = asyncio.Lock()")
        self.emit(f"{box} = [0]")
        n = self.r.randint(2, 3)
        self.emit(f"await asyncio.gather(*[{w}(f'L{{i}}', {lk}, {box}) for i in range({n})])")
        self.emit(f"print('total', {box}[0], {lk}.locked())")

    def t_concurrent_bodies(self, sc):
        """Two or three tasks run the same random async body; their awaits interleave."""
        f = self.fresh("body")
        self.lines_stack_push()
        self.emit(f"async def {f}(tag, shared):")
        fs = Scope(self.module, True, "def")
        fs.in_task = True
        fs.blocks[0]["tag"] = Var("tag", STR, None, 10)
        fs.blocks[0]["shared"] = Var("shared", DICT, None, 10)
        with self.indented():
            self.block(fs, self.r.randint(2, 4), 2)
            self.emit(f"return {self.expr(fs, self.r.choice(VALUE_TYPES), 1).code}")
        self.lines_stack_pop_to_defs()
        shared = self.fresh("shared")
        self.emit(f"{shared} = {{'a': 0, 'b': 1}}")
        n = self.r.randint(2, 3)
        self.emit(f"print(await asyncio.gather(*[{f}(f'T{{i}}', {shared}) for i in range({n})]))")
        self.emit(f"print({shared})")

    def t_taskgroup(self, sc):
        w = self.fresh("member")
        fail = self.chance(0.3)
        self.emit_def([
            f"async def {w}(name, delay, fail=False):",
            "    try:",
            "        await asyncio.sleep(delay)",
            "        if fail:",
            "            raise ValueError(name)",
            "        print(name, 'done', now())",
            "        return name",
            "    except asyncio.CancelledError:",
            "        print(name, 'cancelled', now())",
            "        raise",
        ])
        ts = self.fresh("members")
        self.emit("try:")
        self.emit("    async with asyncio.TaskGroup() as tg:")
        if fail:
            # one sibling still running when the failure aborts the group (CPython cancels the
            # rest in a set's order, which depends on addresses)
            self.emit(f"        {ts} = [tg.create_task({w}('ok', 2)), tg.create_task({w}('bad', 1, True))]")
        else:
            n = self.r.randint(1, 3)
            self.emit(f"        {ts} = [tg.create_task({w}(f'm{{i}}', i * 0.5)) for i in range({n})]")
        self.emit("        print('group body done')")
        self.emit(f"    print([t.result() for t in {ts}])")
        self.emit("except* ValueError as eg:")
        self.emit("    print('group failed', [repr(e) for e in eg.exceptions], now())")

    def t_shield(self, sc):
        w = self.fresh("guarded")
        self.emit_def([f"async def {w}():", "    await asyncio.sleep(2)", "    print('shielded finished', now())",
                       "    return 'kept'"])
        t = self.fresh("inner")
        self.emit(f"{t} = asyncio.create_task({w}())")
        self.emit("try:")
        self.emit(f"    await asyncio.wait_for(asyncio.shield({t}), {self.r.choice(['1', '3'])})")
        self.emit("except asyncio.TimeoutError:")
        self.emit("    print('outer timed out', now())")
        self.emit(f"print(await {t}, {t}.cancelled())")

    def t_async_recursion(self, sc):
        name = self.fresh("arec")
        self.emit_def([f"async def {name}(n):", "    if n <= 0:", "        return 0",
                       f"    await asyncio.sleep({self.r.choice(['0', '0.1'])})",
                       f"    return n + await {name}(n - 1)"])
        self.emit(f"print('arec', await {name}({self.r.randint(0, 8)}), now())")

    def t_time_sleep(self, sc):
        self.uses_time = True
        w = self.fresh("blocker")
        self.emit_def([f"async def {w}(name, d):", "    print(name, 'starts', now())", "    time.sleep(d)",
                       "    print(name, 'blocked until', now(), time.monotonic())", "    await asyncio.sleep(d)",
                       "    return now()"])
        self.emit(f"print(await asyncio.gather({w}('x', {self.r.choice(['0.5', '1'])}), {w}('y', {self.r.choice(['1', '2'])})))")

    # ------------------------------------------------------------ assembling

    def emit_def(self, lines):
        self.defs.extend(lines)

    def lines_stack_push(self):
        self._saved = (self.lines, self.ind)
        self.lines = []
        self.ind = 0

    def lines_stack_pop_to_defs(self):
        self.defs.extend(self.lines)
        self.lines, self.ind = self._saved

    def ending_error(self, sc):
        """A last statement that raises: its traceback's last line is compared."""
        k = self.r.randint(0, 6)
        if k == 0:
            self.emit(self.raise_stmt(sc))
        elif k == 1:
            dicts = self.vars_of(sc, DICT)
            self.emit(f"print({dicts[0].name if dicts else '{}'}[{self.r.choice(KEYS + ['missing'])!r}])")
        elif k == 2:
            names = [n for n in sc.readable() if len(n) >= 3]
            self.emit(f"print({self.typo(self.r.choice(names)) if names else 'undefined_name'})")
        elif k == 3:
            lists = self.vars_of(sc, LIST)
            v = lists[0].name if lists else "[1]"
            self.emit(f"{v}.{self.r.choice(['apend', 'push', 'add', 'length', 'sortt'])}(1)")
        elif k == 4:
            self.emit(f"assert {self.bool_expr(sc, 1).code}, 'final check'")
            self.emit("print('survived')")
        elif k == 5:
            self.emit(f"print(int({self.r.choice(['x1', '3.5', ' ', '12a'])!r}))")
        else:
            old = self.risky
            self.risky = True
            self.emit(f"print({self.expr(sc, self.r.choice(VALUE_TYPES), 2).code})")
            self.risky = old
            self.emit("raise RuntimeError('the end')")

    def program(self):
        r = self.r
        self.module = Scope(None, False, "module")
        is_async = r.random() < 0.7
        target = r.randint(20, 80)
        self.await_weight = r.choice([0.3, 1.0, 2.5])
        self.aw_names = r.random() < 0.3
        head = [f"# differential test program, seed {self.seed}"]
        pre = []
        self.lines, self.ind = pre, 0
        self.global_counter = self.fresh("counter")
        self.emit(f"{self.global_counter} = 0")

        sync_templates = [(3, self.t_recursion), (1, self.t_late_binding), (1, self.t_mutable_default),
                          (1.5, self.t_finally_return), (1, self.t_chained), (1, self.t_loop_finally),
                          (1, self.t_unpack_nested), (1, self.t_minmax_key), (1, self.t_views),
                          (1, self.t_str_args), (1, self.t_print_end), (1, self.t_set_mutation)]

        def sync_part(budget):
            while len(pre) < budget:
                k = r.random()
                if k < 0.25:
                    self.s_def(self.module)
                elif k < 0.35:
                    r.choice([t for _, t in sync_templates])(self.module)
                else:
                    self.stmt(self.module, 2)
                    for f in self.module.funcs[0].values():
                        if not f.is_async and r.random() < 0.15:
                            self.emit(f"print({self.call(self.module, f, 1).code})")
                            break

        if not is_async:
            sync_part(target)
            if r.random() < 0.25:
                self.ending_error(self.module)
            body = pre
            text = head + (["import time"] if self.uses_time else [])
            text += self.helpers(False) + body
            return "\n".join(text) + "\n"

        sync_part(r.randint(0, target // 3))
        main_lines = []
        self.lines, self.ind = main_lines, 1
        ms = Scope(self.module, True, "def")
        async_templates = [(3, self.t_workers), (2, self.t_gather_exc), (3, self.t_cancel), (2.5, self.t_wait_for),
                           (1.5, self.t_queue), (1, self.t_queue_join), (1.5, self.t_event), (1.5, self.t_lock),
                           (3, self.t_concurrent_bodies), (1, self.t_taskgroup), (0.5, self.t_shield),
                           (1, self.t_async_recursion), (0.5, self.t_time_sleep), (1.5, self.t_future),
                           (1, self.t_semaphore), (1.5, self.t_gather_cancel), (1.5, self.t_task_states),
                           (1, self.t_task_names), (1, self.t_exception_in_task), (0.7, self.t_nested_timeouts)]
        if r.random() < 0.5:
            f = self.gen_function_into_defs(True)
        while len(main_lines) + len(self.defs) + len(pre) < target:
            k = r.random()
            if k < 0.45:
                self.pick(async_templates)(ms)
            elif k < 0.55:
                self.gen_function_into_defs(r.random() < 0.7)
            else:
                self.stmt(ms, 2)
        ending = r.random() < 0.2
        if ending:
            self.ending_error(ms)
        else:
            self.emit(f"return {self.expr(ms, r.choice(VALUE_TYPES), 1).code}")
        text = head + ["import asyncio"] + (["import time"] if self.uses_time else [])
        text += self.helpers(True) + pre + self.defs + ["", "async def main():"] + main_lines
        run = "asyncio.run(main())"
        if not ending and r.random() < 0.5:
            run = f"print('main returned', {run})"
        text.append(run)
        post = []
        self.lines, self.ind = post, 0
        if r.random() < 0.5 and not ending:
            for _ in range(r.randint(1, 2)):
                self.s_print(self.module, 0)
        text += post
        return "\n".join(text) + "\n"

    def gen_function_into_defs(self, is_async):
        self.lines_stack_push()
        f = self.gen_function(self.module, is_async, in_task=is_async)
        self.module.funcs[0][f.name] = f
        self.lines_stack_pop_to_defs()
        return f

    def helpers(self, is_async):
        out = []
        if self.uses_tr:
            out += ["def tr(tag, v):", "    print('  tr', tag, repr(v))", "    return v"]
        if is_async:
            out += ["def now():", "    return asyncio.get_running_loop().time()"]
        if self.uses_aw and is_async:
            # awaited inline, so current_task() is the awaiting task: its name shows task numbering
            who = ", asyncio.current_task().get_name()" if self.aw_names else ""
            out += ["async def aw(tag, v, d=0):", f"    print('  aw', tag, 'wait', d{who})", "    await asyncio.sleep(d)",
                    "    print('  aw', tag, '->', repr(v))", "    return v"]
        return out


def generate(seed, avoid=()):
    for attempt in range(20):
        g = Gen(seed * 1000 + attempt if attempt else seed, avoid)
        g.seed = seed
        text = g.program()
        try:
            compile(text, f"seed{seed}.py", "exec")
        except SyntaxError as e:
            if os.environ.get("DIFF_GEN_STRICT"):
                raise
            continue
        if len(text.splitlines()) > 140:
            continue
        return text
    raise RuntimeError(f"seed {seed}: no valid program in 20 attempts")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--out", help="write seedN.py files into this folder instead of printing")
    ap.add_argument("--avoid", default="", help="comma-separated features to leave out: " + ", ".join(FEATURES))
    a = ap.parse_args()
    avoid = [x for x in a.avoid.split(",") if x]
    for x in avoid:
        if x not in FEATURES:
            sys.exit(f"unknown feature {x!r}; known: {', '.join(FEATURES)}")
    if not a.out:
        for s in range(a.seed, a.seed + a.count):
            sys.stdout.write(generate(s, avoid))
        return
    os.makedirs(a.out, exist_ok=True)
    for s in range(a.seed, a.seed + a.count):
        with open(os.path.join(a.out, f"seed{s}.py"), "w", encoding="utf-8") as f:
            f.write(generate(s, avoid))


if __name__ == "__main__":
    main()
