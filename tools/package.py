#!/usr/bin/env python3
"""Packages the built page (dist/) for everywhere a course lives; `./dev package` runs it.

Writes into OUT (build/package/ by default):
  loopstep-scorm12.zip  a SCORM 1.2 package: imsmanifest.xml at its root listing every file,
                        mastery score 70, with ADL's schemas beside it (from tools/third_party.sh)
                        so a strict validator can check it; the page finds the LMS's API (shell/lms.js)
  loopstep-scorm2004.zip the same as SCORM 2004 4th edition: one SCO whose primary objective is
                        satisfied by a scaled score of 0.7, with that edition's schemas
  loopstep-cmi5.zip     a cmi5 course package: cmi5.xml at its root (one AU, index.html, moved on
                        when completed and passed at a mastery score of 0.7) and the page with
                        cmi5.js beside it (@xapi/cmi5's browser bundle, with its licences)
  loopstep.html         the single-file build: the module inside the page (gzipped, in base64,
                        unpacked by the browser's DecompressionStream), opens from file://
  loopstep-dist.zip     dist/ in a folder, with a README to serve it with python3 -m http.server
  embed.html            the iframe snippet for the hosted page (printed too)

With --lessons DIR every package has the chapters of DIR (its .md files but README.md, in
file-name order; a file may hold several chapters) instead of the built-in ones: checked first
as the page checks them (each problem printed as FILE:LINE: MESSAGE, and nothing is written),
then carried inside the page (a JSON block shell/authoring.js opens) with the text version's
lessons.js made from them, and the build stamped again (tools/stamp_build.py).
"""
import argparse
import base64
import gzip
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

TITLE = 'loopstep: asyncio, step by step'
MASTERY_SCORE = 70  # percent, the same rule as shell/lms.js
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed times: the same dist gives the same zips
# The page's URLs carry the build's ?v=BUILD (tools/stamp_build.py): the file is the name before it.
SCRIPT_TAG = re.compile(r'<script src="([^"?]+)(?:\?[^"]*)?"[^>]*></script>')
STYLE_TAG = re.compile(r'<link rel="stylesheet" href="([^"?]+)(?:\?[^"]*)?">')
PRECOMPRESSED = ('.gz', '.br')  # beside each file for static hosts; an LMS or one page needs none
BUILD_META = re.compile(r'(<meta name="loopstep-build" content=")[^"]*(">)')
NEEDED = ['index.html', 'loader.js', 'loopstep_app.js', 'loopstep_app.wasm']
ONLY_HOSTED = {'sw.js'}  # the service worker: never inside an LMS package
# ADL's schemas for the manifest's three namespaces (and ims_xml.xsd, which imscp's imports).
SCHEMA_LOCATIONS = [('http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'),
                    ('http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'),
                    ('http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd')]
SCHEMA_FILES = [name for _, name in SCHEMA_LOCATIONS] + ['ims_xml.xsd']
# SCORM 2004 4th edition: the manifest's five namespaces, and what their schemas import.
SCHEMA_LOCATIONS_2004 = [('http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'),
                         ('http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'),
                         ('http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'),
                         ('http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'),
                         ('http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd')]
SCHEMA_FILES_2004 = [name for _, name in SCHEMA_LOCATIONS_2004] + [
    'xml.xsd', 'XMLSchema.dtd', 'datatypes.dtd'] + [f'imsss_v1p0{part}.xsd' for part in (
    'auxresource', 'control', 'delivery', 'limit', 'objective', 'random', 'rollup', 'seqrule', 'util')]


def set_build(page: str, kind: str) -> str:
    page, count = BUILD_META.subn(r'\g<1>' + kind + r'\g<2>', page)
    if count != 1:
        sys.exit('package.py: index.html has no <meta name="loopstep-build">')
    return page


def write_zip(path: Path, entries):
    """entries: (name in the zip, bytes), in order."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)


def manifest(files, comment: str, namespaces, schema_locations, schemaversion: str, item_rules: str,
             scorm_type: str) -> str:
    """imsmanifest.xml of one SCO, index.html, listing `files`; the edition gives the rest."""
    listed = '\n'.join(f'      <file href="{html.escape(name, quote=True)}"/>' for name in files)
    declared = '\n'.join(f'          xmlns{":" + prefix if prefix else ""}="{uri}"' for prefix, uri in namespaces)
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- {comment} -->
<manifest identifier="loopstep-asyncio" version="1.0"
{declared}
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="{' '.join(f'{namespace} {name}' for namespace, name in schema_locations)}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{schemaversion}</schemaversion>
  </metadata>
  <organizations default="loopstep-organization">
    <organization identifier="loopstep-organization">
      <title>{html.escape(TITLE)}</title>
      <item identifier="loopstep-item" identifierref="loopstep-resource" isvisible="true">
        <title>{html.escape(TITLE)}</title>
{item_rules}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="loopstep-resource" type="webcontent" adlcp:{scorm_type}="sco" href="index.html">
{listed}
    </resource>
  </resources>
</manifest>
'''


def manifest_12(files) -> str:
    return manifest(
        files, f'''loopstep as one SCORM 1.2 SCO. Passed at {MASTERY_SCORE}% or more on the final check, failed
     below, incomplete until every final-check question is answered.''',
        [('', 'http://www.imsproject.org/xsd/imscp_rootv1p1p2'), ('adlcp', 'http://www.adlnet.org/xsd/adlcp_rootv1p2')],
        SCHEMA_LOCATIONS, '1.2', f'        <adlcp:masteryscore>{MASTERY_SCORE}</adlcp:masteryscore>', 'scormtype')


def manifest_2004(files) -> str:
    return manifest(
        files, f'''loopstep as one SCORM 2004 SCO. Its primary objective is satisfied (passed) by a scaled score
     of {MASTERY_SCORE / 100} or more on the final check; completed once every final-check question is
     answered.''',
        [('', 'http://www.imsglobal.org/xsd/imscp_v1p1'), ('adlcp', 'http://www.adlnet.org/xsd/adlcp_v1p3'),
         ('adlseq', 'http://www.adlnet.org/xsd/adlseq_v1p3'), ('adlnav', 'http://www.adlnet.org/xsd/adlnav_v1p3'),
         ('imsss', 'http://www.imsglobal.org/xsd/imsss')],
        SCHEMA_LOCATIONS_2004, '2004 4th Edition', f'''        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="final-check" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{MASTERY_SCORE / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>''', 'scormType')


def lms_files(dist: Path, kind: str):
    """(name, bytes) of the page's files an LMS package carries, in name order; index.html says `kind`."""
    names = sorted(p.name for p in dist.iterdir()
                   if p.is_file() and p.name not in ONLY_HOSTED and not p.name.endswith(PRECOMPRESSED))
    entries = []
    for name in names:
        data = (dist / name).read_bytes()
        if name == 'index.html':
            data = set_build(data.decode('utf-8'), kind).encode('utf-8')
        entries.append((name, data))
    return entries


def scorm_package(dist: Path, out: Path, zip_name: str, make_manifest, schemas: Path, schema_files) -> Path:
    """A SCORM package of dist/: its manifest first, the page's files, the edition's schemas."""
    missing = [name for name in schema_files if not (schemas / name).is_file()]
    if missing:
        sys.exit(f'package.py: {schemas} lacks {", ".join(missing)}: run tools/third_party.sh first')
    entries = lms_files(dist, 'scorm')
    names = [name for name, _ in entries]
    path = out / zip_name
    schema_entries = [(name, (schemas / name).read_bytes()) for name in schema_files]
    write_zip(path, [('imsmanifest.xml', make_manifest(names).encode('utf-8'))] + entries + schema_entries)
    return path


# cmi5: the course structure's namespace (the spec's CourseStructure.xsd), the runtime the page
# loads on a cmi5 launch (shell/lms.js) and the packages bundled in it, whose licences travel along.
CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd'
CMI5_COURSE_ID = 'https://w3id.org/loopstep/asyncio'
CMI5_RUNTIME = Path('node_modules/@xapi/cmi5/dist/Cmi5.umd.js')
CMI5_BUNDLED = ['@xapi/cmi5', '@xapi/xapi', 'axios', 'deepmerge', 'uuid']


def course_structure() -> str:
    """cmi5.xml: one course of one AU, the page, launched in any window."""
    def text(tag, words):
        return f'<{tag}><langstring lang="en-US">{html.escape(words)}</langstring></{tag}>'
    about = 'An interactive lesson on asyncio: watch tasks pause and resume on a virtual clock.'
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- loopstep as a cmi5 course of one AU. Completed once every final-check question is answered;
     passed at a scaled score of {MASTERY_SCORE / 100} or more, failed below; the LMS moves on when both hold. -->
<courseStructure xmlns="{CMI5_NAMESPACE}">
  <course id="{CMI5_COURSE_ID}">
    {text('title', TITLE)}
    {text('description', about)}
  </course>
  <au id="{CMI5_COURSE_ID}/lesson" moveOn="CompletedAndPassed" masteryScore="{MASTERY_SCORE / 100}" launchMethod="AnyWindow">
    {text('title', TITLE)}
    {text('description', about)}
    <url>index.html</url>
  </au>
</courseStructure>
'''


def cmi5_package(dist: Path, out: Path, root: Path) -> Path:
    """The cmi5 course package: cmi5.xml first, the page's files, the runtime and its licences."""
    runtime = root / CMI5_RUNTIME
    if not runtime.is_file():
        sys.exit(f'package.py: {runtime} is missing: install the npm packages first (npm ci)')
    licences = []
    for name in CMI5_BUNDLED:
        folder = root / 'node_modules' / name
        found = sorted(folder.glob('LICENSE*')) + sorted(folder.glob('license*'))
        if not found:
            sys.exit(f'package.py: {folder} has no licence file')
        version = json.loads((folder / 'package.json').read_text('utf-8'))['version']
        licences.append(f'== {name} {version} ==\n\n' + found[0].read_text('utf-8').strip() + '\n')
    entries = [('cmi5.xml', course_structure().encode('utf-8'))]
    entries += [(name, data) for name, data in lms_files(dist, 'cmi5')]
    entries += [('cmi5.js', runtime.read_bytes()),
                ('cmi5.js.LICENSES.txt', ('cmi5.js is the browser bundle of @xapi/cmi5, which holds these '
                                          'packages:\n\n' + '\n'.join(licences)).encode('utf-8'))]
    path = out / 'loopstep-cmi5.zip'
    write_zip(path, entries)
    return path


def inline_text(text: str, what: str) -> str:
    """Text safe inside <script> or <style>: no end tag, no comment opener."""
    text = re.sub(r'</(script|style)', r'<\\/\1', text, flags=re.IGNORECASE)
    if '<!--' in text:
        sys.exit(f'package.py: {what} holds "<!--", which an inline script cannot')
    return text


def packed(data: bytes) -> str:
    """gzip (level 9, no time stamp: the same build gives the same page) in base64."""
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode('ascii')


def single_file(dist: Path, out: Path) -> Path:
    page = set_build((dist / 'index.html').read_text('utf-8'), 'single-file')

    def style(match):
        return '<style>\n' + inline_text((dist / match.group(1)).read_text('utf-8'), match.group(1)) + '</style>'

    def script(match):
        name = match.group(1)
        inlined = '<script>\n' + inline_text((dist / name).read_text('utf-8'), name) + '</script>'
        if name != 'loader.js':
            return inlined
        # The module travels in two inert blocks, gzipped, that loader.js unpacks before it runs the app.
        wasm = packed((dist / 'loopstep_app.wasm').read_bytes())
        app = packed((dist / 'loopstep_app.js').read_bytes())
        return ('<script type="application/octet-stream" id="loopstep-wasm">' + wasm + '</script>\n'
                '  <script type="application/octet-stream" id="loopstep-app">' + app + '</script>\n  ' + inlined)

    page = STYLE_TAG.sub(style, page)
    page, scripts = SCRIPT_TAG.subn(script, page)
    if 'id="loopstep-wasm"' not in page or scripts < 2:
        sys.exit('package.py: index.html does not load loader.js the expected way')
    path = out / 'loopstep.html'
    path.write_text(page, 'utf-8')
    return path


SERVE_README = '''loopstep: asyncio, step by step (an offline copy)

The lesson is plain static files. Serve this folder with any web server, for example:

    cd loopstep
    python3 -m http.server 8000 --bind 127.0.0.1

then open http://127.0.0.1:8000/ in an up-to-date Firefox, Chrome, Edge or Safari.
(Opening index.html straight from disk does not work: browsers do not let a page load its
WebAssembly module from file://. For that, use loopstep.html, the single-file build.)
'''


def dist_zip(dist: Path, out: Path) -> Path:
    entries = [('loopstep/README.txt', SERVE_README.encode('utf-8'))]
    entries += [(f'loopstep/{p.name}', p.read_bytes()) for p in sorted(dist.iterdir()) if p.is_file()]
    path = out / 'loopstep-dist.zip'
    write_zip(path, entries)
    return path


def embed_snippet(url: str) -> str:
    return f'''<!-- loopstep, embedded: paste where the page or the LMS's editor accepts HTML. The lesson
     asks for its height with Canvas's lti.frameResize message (and H5P's resizer protocol); the
     script applies it on any other page and may be left out (the height stays 760 px). If the
     host insists on a sandbox, loopstep needs sandbox="allow-scripts allow-same-origin". -->
<iframe id="loopstep-lesson" src="{html.escape(url, quote=True)}"
        title="{html.escape(TITLE)} (interactive lesson)"
        width="100%" height="760" style="border: 0; display: block; max-width: 100%;"
        allow="fullscreen; clipboard-read; clipboard-write" allowfullscreen loading="lazy"></iframe>
<script>
  window.addEventListener('message', function (event) {{
    var frame = document.getElementById('loopstep-lesson');
    if (!frame || event.source !== frame.contentWindow) return;
    var data = event.data;
    try {{ if (typeof data === 'string') data = JSON.parse(data); }} catch (error) {{ return; }}
    if (data && data.subject === 'lti.frameResize' && Number(data.height) > 0) frame.style.height = Number(data.height) + 'px';
  }});
</script>
'''


def with_lessons(dist: Path, lessons: Path, root: Path, lesson_text: Path, staging: Path) -> Path:
    """A copy of dist/ whose page carries the lessons of the folder `lessons`."""
    files = sorted(p for p in lessons.glob('*.md') if p.name != 'README.md')
    if not files:
        sys.exit(f'package.py: {lessons} has no lesson files (NAME.md)')
    if not lesson_text.is_file():
        sys.exit(f'package.py: {lesson_text} is missing: build the web-app preset first')
    staged = staging / 'dist'
    shutil.copytree(dist, staged)
    checked = subprocess.run(['node', '--no-experimental-fetch', str(lesson_text), str(staged / 'lessons.js'), *map(str, files)],
                             capture_output=True, text=True)
    if checked.returncode != 0:
        sys.exit(f'package.py: the lessons in {lessons} have problems; fix them and package again:\n{checked.stderr}')
    chapters = [{'name': p.name, 'text': p.read_text('utf-8')} for p in files]
    # JSON inside a script element: a "<" escaped, so no text ends the element early.
    block = ('<script type="application/json" id="loopstep-lessons" data-files="' +
             html.escape(','.join(p.name for p in files), quote=True) + '">' +
             json.dumps(chapters).replace('<', '\\u003c') + '</script>\n  ')
    page = (root / 'index.html').read_text('utf-8')
    first_script = page.find('<script src=')
    if first_script < 0:
        sys.exit('package.py: index.html loads no script')
    template = staging / 'index.html'
    template.write_text(page[:first_script] + block + page[first_script:], 'utf-8')
    loaded = [p.name for p in staged.iterdir()
              if p.is_file() and p.name not in ('index.html', 'sw.js') and not p.name.endswith(PRECOMPRESSED)]
    subprocess.run([sys.executable, str(root / 'tools' / 'stamp_build.py'), '--dist', str(staged), '--page', str(template),
                    '--worker', str(root / 'shell' / 'sw.js'), *loaded], check=True)
    return staged


def main():
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--dist', type=Path, default=root / 'dist', help='the built page (default: dist/)')
    parser.add_argument('--out', type=Path, default=root / 'build' / 'package', help='where to write (default: build/package/)')
    parser.add_argument('--schemas', type=Path, default=root / '.cache' / 'third_party' / 'scorm12-xsd',
                        help="ADL's SCORM 1.2 schemas (default: tools/third_party.sh's copy)")
    parser.add_argument('--schemas-2004', type=Path, default=root / '.cache' / 'third_party' / 'scorm2004-xsd',
                        help="ADL's SCORM 2004 4th edition schemas (default: tools/third_party.sh's copy)")
    parser.add_argument('--url', default='https://example.org/loopstep/', help='the hosted page, for the embed snippet')
    parser.add_argument('--lessons', type=Path, help='a folder of lesson files: the packages have its chapters')
    parser.add_argument('--lesson-text', type=Path, default=root / 'build' / 'web-app' / 'web' / 'lesson_text.js',
                        help="the lessons' checker and text-version writer (built by the web-app preset)")
    args = parser.parse_args()
    args.root = root
    missing = [name for name in NEEDED if not (args.dist / name).is_file()]
    if missing:
        sys.exit(f'package.py: {args.dist} lacks {", ".join(missing)}: build the web-app preset first')
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as staging:
        if args.lessons:
            args.dist = with_lessons(args.dist, args.lessons, root, args.lesson_text, Path(staging))
        write_packages(args)


def write_packages(args):
    written = [scorm_package(args.dist, args.out, 'loopstep-scorm12.zip', manifest_12, args.schemas, SCHEMA_FILES),
               scorm_package(args.dist, args.out, 'loopstep-scorm2004.zip', manifest_2004, args.schemas_2004, SCHEMA_FILES_2004),
               cmi5_package(args.dist, args.out, args.root), single_file(args.dist, args.out), dist_zip(args.dist, args.out)]
    embed = args.out / 'embed.html'
    embed.write_text(embed_snippet(args.url), 'utf-8')
    written.append(embed)
    for path in written:
        print(f'{path.stat().st_size / 1024:8.0f} KB  {path}')
    print('\nThe embed snippet (embed.html):\n')
    print(embed.read_text('utf-8'))


if __name__ == '__main__':
    main()
