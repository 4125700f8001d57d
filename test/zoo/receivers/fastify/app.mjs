// A Fastify 5 receiver as Fastify's Getting Started shows it: the defaults (JSON body parser,
// a 1 MiB body limit), the built-in logger, one POST route returning an object (200).
import Fastify from 'fastify';

const fastify = Fastify({ logger: true });

fastify.post('/webhook', async (request) => {
  request.log.info({ keys: Object.keys(request.body ?? {}) }, 'received an event');
  return { ok: true };
});

try {
  await fastify.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
} catch (err) {
  fastify.log.error(err);
  process.exit(1);
}
