// A deliberately broken webhook receiver for the testcontainers tests: it reads every request
// and answers 204 No Content. The Console treats anything but 200 as a failure and retries,
// so the conformance suite must fail its delivery.accepts.* checks.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(204);
    res.end();
  });
});
server.listen(port, '0.0.0.0', () => {
  process.stdout.write(`answer-204 receiver listening on ${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
