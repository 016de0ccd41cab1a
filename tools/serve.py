#!/usr/bin/env python3
"""Serves a folder (dist/) as a static host with precompressed files does: for NAME, the file
NAME.br or NAME.gz beside it (tools/stamp_build.py writes them) with Content-Encoding, when the
browser accepts that encoding; NAME itself otherwise. Query strings (?v=BUILD) name the same file.
./dev serve and the benchmarks run it.

usage: tools/serve.py [--port 8000] [--bind 127.0.0.1] [--directory dist]
"""
import argparse
import functools
import http.server
import os

ENCODINGS = [('br', '.br'), ('gzip', '.gz')]  # preferred first


class PrecompressedHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript'}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, 'index.html')
        accepted = {part.split(';')[0].strip() for part in self.headers.get('Accept-Encoding', '').split(',')}
        if not os.path.isfile(path) or self.path.rstrip('/').endswith(('.br', '.gz')):
            return super().send_head()
        for encoding, suffix in ENCODINGS:
            if encoding in accepted and os.path.isfile(path + suffix):
                file = open(path + suffix, 'rb')
                self.send_response(200)
                self.send_header('Content-Type', self.guess_type(path))
                self.send_header('Content-Encoding', encoding)
                self.send_header('Content-Length', str(os.fstat(file.fileno()).st_size))
                self.send_header('Vary', 'Accept-Encoding')
                self.send_header('Last-Modified', self.date_time_string(int(os.path.getmtime(path))))
                self.end_headers()
                return file
        return super().send_head()

    def end_headers(self):
        self.send_header('Cache-Control', 'no-cache')  # a developer's server: every reload asks again
        super().end_headers()

    def log_message(self, format, *args):
        if self.server.verbose:
            super().log_message(format, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--port', type=int, default=8000)
    parser.add_argument('--bind', default='127.0.0.1')
    parser.add_argument('--directory', default='dist')
    parser.add_argument('--quiet', action='store_true', help='no line per request')
    args = parser.parse_args()
    handler = functools.partial(PrecompressedHandler, directory=args.directory)
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as server:
        server.verbose = not args.quiet
        print(f'serving {os.path.abspath(args.directory)} at http://{args.bind}:{args.port}/ (precompressed .br/.gz when accepted)', flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == '__main__':
    main()
