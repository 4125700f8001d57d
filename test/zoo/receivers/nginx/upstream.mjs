// The application behind nginx: a bare node:http server that reads the body and answers 200.
// It has no body limit of its own, so any limit seen through nginx is nginx's.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 3000);

const server = createServer((req, res) => {
  let bytes = 0;
  req.on('data', (chunk) => {
    bytes += chunk.length;
  });
  req.on('end', () => {
    console.log(`${req.method} ${req.url} ${bytes} bytes`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});

server.listen(port, '127.0.0.1', () => console.log(`upstream listening on ${port}`));
