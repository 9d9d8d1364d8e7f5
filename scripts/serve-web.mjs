// `npm run web`: serves dist/web/ (the 网页版, built just before) on localhost and prints the
// address. A plain static server: the page makes no request but for its own files, so any
// static server works, and so does opening dist/web/index.html straight from disk.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', 'dist', 'web');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
const port = Number(process.env.PORT ?? 8080);

const server = createServer((req, res) => {
  const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
  const path = normalize(url === '/' ? '/index.html' : url).replace(/^(\.\.[/\\])+/, '');
  const file = join(ROOT, path);
  if (!file.startsWith(ROOT)) {
    res.writeHead(403).end();
    return;
  }
  readFile(file).then(
    (body) => {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    },
    () => res.writeHead(404).end(),
  );
});

server.on('error', (e) => {
  console.error(
    e.code === 'EADDRINUSE'
      ? `端口 ${port} 已被占用：请用 PORT=8081 npm run web 换一个端口。`
      : `无法启动网页服务：${e.message}`,
  );
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(
    `通报网页版：http://127.0.0.1:${port}/  （按 Ctrl+C 停止；也可直接打开 ${join(ROOT, 'index.html')}）`,
  );
});
