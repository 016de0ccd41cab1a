#!/usr/bin/env python3
"""Where a wasm module's bytes go: per section, and its code per library and per source file.

usage: tools/wasm_size.py MODULE.wasm [--objects DIR]... [--top N] [--markdown]
       tools/wasm_size.py MODULE.wasm --strip-names OUT.wasm

The code is attributed by function name, from the module's name section (link with
--profiling-funcs; a module without one gets the section table only). With --objects, each
function is looked up in the object files and archives under each DIR (llvm-nm, LTO bitcode
included) and attributed to the file that defines it; functions inlined into others count for
their callers, and what no object defines (libc, libc++, compiler runtime) falls into a library
bucket guessed from the name. Prints a report; ./dev size and ./dev bench call it. The app is
linked with its names for this; --strip-names writes the module without them, as dist/ serves it.
"""
import argparse
import collections
import gzip
import os
import re
import subprocess
import sys

SECTION_NAMES = {0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global',
                 7: 'export', 8: 'start', 9: 'elem', 10: 'code', 11: 'data', 12: 'datacount', 13: 'tag'}


def leb(data, at):
    """(unsigned LEB128 value, position after it)"""
    result = shift = 0
    while True:
        byte = data[at]
        at += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, at


def sections(data):
    """[(name, start of payload, end)] of the module's sections."""
    if data[:4] != b'\0asm':
        sys.exit('wasm_size.py: not a wasm module')
    at, found = 8, []
    while at < len(data):
        kind = data[at]
        size, start = leb(data, at + 1)
        name = SECTION_NAMES.get(kind, str(kind))
        if kind == 0:
            length, after = leb(data, start)
            name = 'custom:' + data[after:after + length].decode('utf-8', 'replace')
        found.append((name, start, start + size))
        at = start + size
    return found


def imported_function_count(data, start):
    count, at = leb(data, start)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, at = leb(data, at)
            at += length
        kind = data[at]
        at += 1
        if kind == 0:  # function: type index
            _, at = leb(data, at)
            functions += 1
        elif kind == 1:  # table: reftype, limits
            at += 1
            flags, at = leb(data, at)
            _, at = leb(data, at)
            if flags & 1:
                _, at = leb(data, at)
        elif kind == 2:  # memory: limits
            flags, at = leb(data, at)
            _, at = leb(data, at)
            if flags & 1:
                _, at = leb(data, at)
        elif kind == 3:  # global: valtype, mutability
            at += 2
        elif kind == 4:  # tag: attribute, type index
            at += 1
            _, at = leb(data, at)
    return functions


def code_sizes(data, start):
    """Body sizes of the module's own functions, in order."""
    count, at = leb(data, start)
    sizes = []
    for _ in range(count):
        size, body = leb(data, at)
        sizes.append(size + (body - at))
        at = body + size
    return sizes


def function_names(data, start, end):
    """{function index: name} from the name section's function subsection."""
    length, at = leb(data, start)
    at += length  # the section's own name, "name"
    names = {}
    while at < end:
        kind = data[at]
        size, at = leb(data, at + 1)
        if kind == 1:
            count, cursor = leb(data, at)
            for _ in range(count):
                index, cursor = leb(data, cursor)
                length, cursor = leb(data, cursor)
                names[index] = data[cursor:cursor + length].decode('utf-8', 'replace')
                cursor += length
        at += size
    return names


def defining_files(folders):
    """{demangled function name without its argument list: object file} for every object under the folders."""
    objects = []
    for folder in folders:
        for where, _, files in os.walk(folder, followlinks=True):
            objects += [os.path.join(where, f) for f in files if f.endswith(('.o', '.a'))]
    owner = {}
    for path in sorted(objects):
        listing = subprocess.run(['llvm-nm', '--defined-only', '-C', path], capture_output=True, text=True).stdout
        current = path
        for line in listing.splitlines():
            if line.endswith(':') and ' ' not in line.strip()[:-1]:
                current = os.path.join(path, line[:-1])  # a member of an archive
                continue
            parts = line.split(' ', 2)
            if len(parts) == 3 and parts[1] in 'TtWw':
                owner.setdefault(short_name(parts[2]), current)
    return owner


def short_name(name):
    """A C++ name without its argument list and qualifiers: what both nm and the name section agree on."""
    name = name.replace('(anonymous namespace)', '{anonymous}')
    depth, cut = 0, len(name)
    for i, ch in enumerate(name):
        if ch in '<':
            depth += 1
        elif ch == '>':
            depth -= 1
        elif ch == '(' and depth == 0 and i > 0 and not name.startswith('operator()', max(0, i - 8)):
            cut = i
            break
    return name[:cut]


def library_of(name, path):
    """The bucket a function falls in: the project's source file, or a third-party library."""
    if path:
        base = os.path.basename(path)
        source = re.sub(r'\.(cpp|c)\.o(bj)?$', r'.\1', base.split('(')[-1].rstrip(')'))
        if 'libSDL2' in path or '/sdl2' in path.lower():
            return 'SDL2'
        if 'imgui' in path:
            return 'Dear ImGui (' + source + ')'
        marker = '.dir/'
        if marker in path:
            return path.split(marker, 1)[1].replace('.o', '') if not path.endswith('.a') else source
        return source
    if re.match(r'(ImGui|Im[A-Z]|stb|ImStb)', name):
        return 'Dear ImGui (inlined helpers)'
    if name.startswith(('SDL_', 'Emscripten_', 'GLES2_')):
        return 'SDL2'
    if name.startswith(('std::', '__cxx', '__cxa', '__gxx', 'operator new', 'operator delete', 'vtable')) or '::__' in name:
        return 'libc++ / libc++abi'
    if name.startswith(('dlmalloc', 'dlfree', 'emscripten_builtin', 'sbrk', 'malloc', 'free')):
        return 'malloc (dlmalloc)'
    return 'libc / compiler runtime / glue'


def report(path, objects, top, markdown):
    data = open(path, 'rb').read()
    found = sections(data)
    lines = []
    out = lines.append
    gz_total = len(gzip.compress(data, 9, mtime=0))
    out(f'{os.path.basename(path)}: {len(data) / 1024:.1f} KB raw, {gz_total / 1024:.1f} KB gzipped')
    out('')
    out('| section | raw KB | gzipped alone KB |' if markdown else f'{"section":<24}{"raw KB":>10}{"gzip KB":>10}')
    if markdown:
        out('|---|---:|---:|')
    for name, start, end in found:
        part = data[start:end]
        gz = len(gzip.compress(part, 9, mtime=0))
        note = ' (names for this report: not in dist/)' if name == 'custom:name' else ''
        out(f'| {name}{note} | {len(part) / 1024:.1f} | {gz / 1024:.1f} |' if markdown
            else f'{name:<24}{len(part) / 1024:>10.1f}{gz / 1024:>10.1f}{note}')
    by_name = {name: (start, end) for name, start, end in found}
    if 'custom:name' not in by_name or 'code' not in by_name:
        out('(no name section: link with --profiling-funcs for the per-library table)')
        return '\n'.join(lines)
    imported = imported_function_count(data, by_name['import'][0]) if 'import' in by_name else 0
    sizes = code_sizes(data, by_name['code'][0])
    names = function_names(data, *by_name['custom:name'])
    owner = defining_files(objects) if objects else {}
    buckets = collections.Counter()
    counts = collections.Counter()
    biggest = []
    for i, size in enumerate(sizes):
        name = names.get(imported + i, f'function {imported + i}')
        bucket = library_of(name, owner.get(short_name(name)))
        buckets[bucket] += size
        counts[bucket] += 1
        biggest.append((size, name, bucket))
    total = sum(sizes)
    out('')
    out(f'code by source file or library ({total / 1024:.1f} KB in {len(sizes)} functions; inlined code counts for its caller)')
    out('| source file / library | functions | KB | share |' if markdown else f'{"source file / library":<48}{"functions":>10}{"KB":>9}{"share":>7}')
    if markdown:
        out('|---|---:|---:|---:|')
    for bucket, size in buckets.most_common(top):
        out(f'| {bucket} | {counts[bucket]} | {size / 1024:.1f} | {100 * size / total:.0f}% |' if markdown
            else f'{bucket:<48}{counts[bucket]:>10}{size / 1024:>9.1f}{100 * size / total:>6.0f}%')
    rest = buckets.most_common()[top:]
    if rest:
        size = sum(s for _, s in rest)
        out(f'| ({len(rest)} more) | {sum(counts[b] for b, _ in rest)} | {size / 1024:.1f} | {100 * size / total:.0f}% |' if markdown
            else f'{"(" + str(len(rest)) + " more)":<48}{sum(counts[b] for b, _ in rest):>10}{size / 1024:>9.1f}{100 * size / total:>6.0f}%')
    out('')
    out('largest functions' + ('' if not markdown else ':'))
    for size, name, bucket in sorted(biggest, reverse=True)[:min(top, 15)]:
        shown = name if len(name) <= 90 else name[:87] + '...'
        out(f'- {size / 1024:.1f} KB `{shown}` ({bucket})' if markdown else f'{size / 1024:>8.1f} KB  {shown}  [{bucket}]')
    return '\n'.join(lines)


def strip_names(path, out):
    """The module without its name section, written only when it changes."""
    data = open(path, 'rb').read()
    kept = [data[:8]]
    for name, start, end in sections(data):
        if name != 'custom:name':
            header_start = start - 1
            while data[header_start - 1] & 0x80:  # back over the size's LEB128 bytes to the section id
                header_start -= 1
            kept.append(data[header_start - 1:end])
    stripped = b''.join(kept)
    if not os.path.exists(out) or open(out, 'rb').read() != stripped:
        with open(out, 'wb') as file:
            file.write(stripped)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('module')
    parser.add_argument('--objects', action='append', help='a folder whose object files and archives define the functions (repeatable)')
    parser.add_argument('--top', type=int, default=25, help='rows of the per-file table (default 25)')
    parser.add_argument('--markdown', action='store_true', help='Markdown tables')
    parser.add_argument('--strip-names', metavar='OUT', help='write the module without its name section to OUT')
    args = parser.parse_args()
    if args.strip_names:
        strip_names(args.module, args.strip_names)
        return
    print(report(args.module, args.objects, args.top, args.markdown))


if __name__ == '__main__':
    main()
