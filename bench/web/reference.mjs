// The reference page of bench/web: the least a web page can be (its HTML, one stylesheet, one small module script
// that renders a heading and a paragraph, gzip like the service), served on loopback. Lighthouse measures it in the
// same run and under the same throttling as the app's pages, so the figures can be read as ratios to it.
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const files = {
  '/': ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="Reference page">
<title>Reference</title><link rel="stylesheet" href="/style.css"></head>
<body><main id="root"></main><script type="module" src="/app.js"></script></body></html>`],
  '/style.css': ['text/css', 'body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:24px;color:#1a1d1f}h1{font-size:1.6rem}'],
  '/app.js': ['text/javascript', `document.getElementById('root').innerHTML =
  '<h1>Send your returns back without leaving home</h1><p>A driver collects the parcels at your door.</p>';`],
  '/favicon.ico': ['image/x-icon', ''],
};

const server = createServer((request, response) => {
  const file = files[new URL(request.url, 'http://x').pathname];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  const body = gzipSync(file[1]);
  response.writeHead(200, { 'Content-Type': file[0], 'Content-Encoding': 'gzip', 'Cache-Control': 'no-cache' }).end(body);
});
// the port goes to the file named by the first argument once the server listens
server.listen(0, '127.0.0.1', () => writeFileSync(process.argv[2], String(server.address().port)));
