#!/usr/bin/env python3
"""Cuts Debian's DejaVu fonts down to the glyphs the page can show, for the app to embed.

usage: tools/subset_fonts.py --out DIR SOURCE...

Kept: everything a learner may type on a Latin keyboard (ASCII and Latin-1), U+FFFD (the
replacement character, which Dear ImGui draws for any character the font lacks: a box with a
question mark, so a missing glyph says so), and of the other ranges web/fonts.cpp loads (dashes
and quotes, arrows, box drawing, shapes, ticks) only the characters the SOURCEs use (the lessons
and the UI's strings). No hinting (stb_truetype ignores it), no layout tables. web/CMakeLists.txt
runs it at build time, so a new character in a lesson is in the fonts of the next build.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

FACES = ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSansMono']
DEBIAN_FONTS = Path('/usr/share/fonts/truetype/dejavu')  # fonts-dejavu-core
ALWAYS = [(0x20, 0x7E), (0xA0, 0xFF), (0xFFFD, 0xFFFD)]
# The ranges web/fonts.cpp asks ImGui for beyond Latin-1: only the characters used are kept.
USED_ONLY = [(0x2010, 0x2027), (0x2190, 0x21FF), (0x2212, 0x2212), (0x2500, 0x25FF), (0x2713, 0x2717)]


ESCAPED_UTF8 = re.compile(r'(?:\\x[0-9A-Fa-f]{2})+')
ESCAPED_CODE_POINT = re.compile(r'\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})')


def characters(text):
    """The code points a source shows: as written, and as C++ escapes ("\\xE2\\x87\\xA4", "\\u21E4")."""
    found = {ord(ch) for ch in text}
    for run in ESCAPED_UTF8.findall(text):
        found |= {ord(ch) for ch in bytes.fromhex(run.replace('\\x', '')).decode('utf-8', errors='ignore')}
    for short, long in ESCAPED_CODE_POINT.findall(text):
        found.add(int(short or long, 16))
    return found


def fonttools_python():
    """Debian's fonttools is a module of Debian's own python3, which may not be the one running."""
    try:
        import fontTools  # noqa: F401
        return sys.executable
    except ImportError:
        return '/usr/bin/python3'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', type=Path, required=True)
    parser.add_argument('sources', nargs='+', type=Path)
    args = parser.parse_args()
    used = set()
    for source in args.sources:
        used |= characters(source.read_text('utf-8', errors='replace'))
    codes = {c for low, high in ALWAYS for c in range(low, high + 1)}
    codes |= {c for c in used if any(low <= c <= high for low, high in USED_ONLY)}
    unicodes = ','.join(f'U+{c:04X}' for c in sorted(codes))
    args.out.mkdir(parents=True, exist_ok=True)
    python = fonttools_python()
    for face in FACES:
        result = subprocess.run([python, '-m', 'fontTools.subset', str(DEBIAN_FONTS / f'{face}.ttf'),
                                 f'--unicodes={unicodes}', '--no-hinting', '--drop-tables+=FFTM',
                                 "--layout-features=", f'--output-file={args.out / (face + ".ttf")}'])
        if result.returncode != 0:
            sys.exit(f'subset_fonts.py: fontTools could not subset {face} (apt-get install python3-fonttools fonts-dejavu-core)')


if __name__ == '__main__':
    main()
