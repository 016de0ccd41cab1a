#!/usr/bin/env python3
"""./dev author DIR: the page on a folder of lesson files, for writing chapters (lessons/README.md).

Serves dist/ as tools/serve.py does, with the folder's .md files (README.md aside, in name order)
under /lesson-files/ and their listing at /lesson-files/index.json (the files, a version that
changes whenever one of them does, and watch: true). The page it prints opens those chapters
(?lessons=lesson-files/index.json, shell/authoring.js) and opens them again when a file changes,
at the chapter the author was on. The terminal shows, at the start and after every change, each
problem as FILE:LINE: what to fix, or each chapter's programs' output beside CPython's
(tests/conformance/oracle.py: the same virtual clock), same or not.

usage: tools/author.py DIR [--port 8000] [--bind 127.0.0.1] [--dist dist]
"""
import argparse
import difflib
import functools
import hashlib
import http.server
import io
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from serve import PrecompressedHandler

ROOT = Path(__file__).resolve().parent.parent
PREFIX = '/lesson-files/'
POLL_SECONDS = 0.5


def lesson_files(folder: Path):
    return sorted(p for p in folder.glob('*.md') if p.name != 'README.md')


def version_of(files) -> str:
    stamp = hashlib.sha1()
    for path in files:
        info = path.stat()
        stamp.update(f'{path.name}:{info.st_mtime_ns}:{info.st_size};'.encode())
    return stamp.hexdigest()[:16]


class AuthorHandler(PrecompressedHandler):
    """dist/, plus the lesson folder's files and listing under PREFIX."""

    def send_head(self):
        path = self.path.split('?', 1)[0]
        if not path.startswith(PREFIX):
            return super().send_head()
        files = lesson_files(self.server.lessons)
        name = path[len(PREFIX):]
        if name == 'index.json':
            listing = {'files': [p.name for p in files], 'version': version_of(files), 'watch': True}
            return self.send_bytes(json.dumps(listing).encode(), 'application/json')
        chosen = next((p for p in files if p.name == name), None)  # only the listed files: no other path
        if chosen is None:
            self.send_error(404, 'not a lesson file of this folder')
            return None
        return self.send_bytes(chosen.read_bytes(), 'text/markdown; charset=utf-8')

    def send_bytes(self, data: bytes, content_type: str):
        self.send_response(200)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


def cpython_output(program: str) -> str:
    with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as source:
        source.write(program)
    try:
        run = subprocess.run([sys.executable, str(ROOT / 'tests' / 'conformance' / 'oracle.py'), source.name],
                             capture_output=True, text=True, timeout=60)
        return run.stdout
    finally:
        Path(source.name).unlink()


def report(folder: Path, lesson_text: Path):
    """Problems, or every program's output beside CPython's; printed for the author."""
    files = lesson_files(folder)
    print(f'\n== {time.strftime("%H:%M:%S")}: {len(files)} lesson file(s) in {folder}', flush=True)
    if not files:
        print('   no .md files yet: add one (lessons/README.md shows the format)', flush=True)
        return
    with tempfile.TemporaryDirectory() as scratch:
        runs = Path(scratch) / 'runs.json'
        checked = subprocess.run(['node', '--no-experimental-fetch', str(lesson_text), str(Path(scratch) / 'lessons.js'),
                                  '--runs', str(runs), *map(str, files)], capture_output=True, text=True)
        if checked.returncode != 0:
            print('   problems to fix (the page keeps the last good version until they are gone):', flush=True)
            for line in checked.stderr.splitlines():
                print('   ' + line, flush=True)
            return
        for run in json.loads(runs.read_text('utf-8')):
            name = f'{run["file"]} "{run["title"]}"' + (f' ({run["label"]})' if run['label'] else '')
            expected = cpython_output(run['program'])
            if expected == run['output']:
                print(f'   same as CPython  {name}: {len(run["output"].splitlines())} line(s) of output', flush=True)
            else:
                print(f'   DIFFERS          {name}: loopstep (-) and CPython (+) print', flush=True)
                for line in difflib.unified_diff(run['output'].splitlines(), expected.splitlines(), lineterm='', n=1):
                    print('      ' + line, flush=True)


def watch(folder: Path, lesson_text: Path):
    seen = None
    while True:
        now = version_of(lesson_files(folder))
        if now != seen:
            seen = now
            report(folder, lesson_text)
        time.sleep(POLL_SECONDS)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('folder', type=Path)
    parser.add_argument('--port', type=int, default=8000)
    parser.add_argument('--bind', default='127.0.0.1')
    parser.add_argument('--dist', type=Path, default=ROOT / 'dist')
    parser.add_argument('--lesson-text', type=Path, default=ROOT / 'build' / 'web-app' / 'web' / 'lesson_text.js')
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f'author.py: {args.folder} is not a folder')
    handler = functools.partial(AuthorHandler, directory=str(args.dist))
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as server:
        server.verbose = False
        server.lessons = args.folder.resolve()
        print(f'the page on {server.lessons}: http://{args.bind}:{args.port}/?lessons=lesson-files/index.json', flush=True)
        print('it opens the chapters again whenever a file changes; Ctrl-C stops', flush=True)
        threading.Thread(target=watch, args=(server.lessons, args.lesson_text), daemon=True).start()
        server.serve_forever()


if __name__ == '__main__':
    main()
