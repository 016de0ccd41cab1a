// The static server behind tests/lms/lms.test.mjs, on a free localhost port: mounts folders
// under URL prefixes, and plays an LMS's server for the stand-in page (lms.html): it keeps the
// last commit of each learner (POST /lms/commit) and hands it back at launch (GET /lms/cmi).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

// mounts: {'/prefix/': '/folder'}; routes: {'/path': (request, response, body) => void}
export async function startServer({ mounts = {}, routes = {}, port = 0 } = {}) {
  const lms = { commits: new Map(), finished: new Set() };
  const handler = async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    if (url.pathname === '/lms/commit' && request.method === 'POST') {
      const learner = url.searchParams.get('learner') || 'learner';
      try {
        lms.commits.set(learner, { ...(lms.commits.get(learner) || {}), ...JSON.parse(body) });
      } catch { /* not JSON: keep the last good one */ }
      if (url.searchParams.get('terminate') === 'true') lms.finished.add(learner);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ result: true, errorCode: 0 }));
      return;
    }
    if (url.pathname === '/lms/cmi') {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify(lms.commits.get(url.searchParams.get('learner') || 'learner') || {}));
      return;
    }
    if (routes[url.pathname]) {
      routes[url.pathname](request, response, body);
      return;
    }
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (!url.pathname.startsWith(prefix)) continue;
      let relative = decodeURIComponent(url.pathname.slice(prefix.length));
      if (relative === '' || relative.endsWith('/')) relative += 'index.html';
      const path = normalize(join(folder, relative));
      if (!path.startsWith(normalize(folder) + sep) && path !== normalize(folder)) break;
      let stats = null;
      try { stats = statSync(path); } catch { /* missing */ }
      if (!stats || !stats.isFile()) break;
      response.writeHead(200, { 'Content-Type': types[extname(path)] || 'application/octet-stream',
                                'Content-Length': stats.size, 'Cache-Control': 'no-store' });
      createReadStream(path).pipe(response);
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  };
  const server = createServer((request, response) => {
    handler(request, response).catch((error) => { response.writeHead(500); response.end(String(error)); });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    lms,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
