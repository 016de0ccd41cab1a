#!/usr/bin/env python3
"""Stamps one build of the page in dist/: every URL the page loads carries ?v=BUILD, so a browser
or the service worker can never pair one build's JS with another build's wasm.

usage: tools/stamp_build.py --dist DIR --page index.html --worker shell/sw.js FILE...

BUILD is a hash of the page's template and of every FILE in DIR (the scripts, the style, the
module). Writes DIR/index.html (from --page: ?v=BUILD on each script and stylesheet URL, and the
module's size for the loading bar), DIR/sw.js (from --worker: the build and its versioned URLs),
then DIR/NAME.gz and DIR/NAME.br beside each file, so a static host serves them precompressed
(tools/serve.py does). Rewrites a file only when it changes. web/CMakeLists.txt runs it.
"""
import argparse
import gzip
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

WASM = 'loopstep_app.wasm'
LOCAL_URL = re.compile(r'(<(?:script|link)\b[^>]*?\b(?:src|href)=")([^":?#]+\.(?:js|css))(")')
WASM_BYTES = re.compile(r'data-wasm-bytes="\d*"')
COMPRESSIBLE = ('.html', '.js', '.css', '.wasm')


def write_if_changed(path: Path, data: bytes):
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def build_hash(page: bytes, dist: Path, files) -> str:
    digest = hashlib.sha256(page)
    for name in files:
        digest.update(name.encode() + b'\0' + hashlib.sha256((dist / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def stamp_page(page: str, build: str, wasm_bytes: int) -> str:
    page, count = LOCAL_URL.subn(lambda m: f'{m.group(1)}{m.group(2)}?v={build}{m.group(3)}', page)
    if count == 0:
        sys.exit('stamp_build.py: the page loads no local script')
    page, count = WASM_BYTES.subn(f'data-wasm-bytes="{wasm_bytes}"', page)
    if count != 1:
        sys.exit('stamp_build.py: the page has no data-wasm-bytes attribute (on the loader\'s script)')
    return page


def stamp_worker(template: str, build: str, files) -> str:
    urls = ', '.join(f"'{name}?v={build}'" for name in files)
    text = template.replace('@LOOPSTEP_BUILD@', build).replace('/*@LOOPSTEP_FILES@*/[]', f'[{urls}]')
    if build not in text or urls not in text:
        sys.exit('stamp_build.py: the worker template lacks @LOOPSTEP_BUILD@ or /*@LOOPSTEP_FILES@*/[]')
    return text


def precompress(path: Path):
    """NAME.gz (gzip -9) and NAME.br (brotli -q 11) beside NAME, remade when NAME is newer."""
    data = path.read_bytes()
    gz = path.with_name(path.name + '.gz')
    if not gz.exists() or gz.stat().st_mtime < path.stat().st_mtime:
        gz.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    br = path.with_name(path.name + '.br')
    if shutil.which('brotli') and (not br.exists() or br.stat().st_mtime < path.stat().st_mtime):
        subprocess.run(['brotli', '-f', '-q', '11', '-o', str(br), str(path)], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--dist', type=Path, required=True)
    parser.add_argument('--page', type=Path, required=True, help='the page template (the top level\'s index.html)')
    parser.add_argument('--worker', type=Path, required=True, help='the service worker template (shell/sw.js)')
    parser.add_argument('files', nargs='+', help='the files in DIST the page loads, index.html and sw.js aside')
    args = parser.parse_args()
    missing = [name for name in args.files if not (args.dist / name).is_file()]
    if missing:
        sys.exit(f'stamp_build.py: {args.dist} lacks {", ".join(missing)}: the service worker would cache a hole')
    page = args.page.read_bytes()
    files = sorted(args.files)
    build = build_hash(page, args.dist, files)
    wasm_bytes = (args.dist / WASM).stat().st_size if WASM in files else 0
    write_if_changed(args.dist / 'index.html', stamp_page(page.decode('utf-8'), build, wasm_bytes).encode('utf-8'))
    write_if_changed(args.dist / 'sw.js', stamp_worker(args.worker.read_text('utf-8'), build, files).encode('utf-8'))
    for name in files + ['index.html', 'sw.js']:
        if name.endswith(COMPRESSIBLE):
            precompress(args.dist / name)


if __name__ == '__main__':
    main()
