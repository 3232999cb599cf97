// The README's Fastify and Koa sections, mounted as written, on real servers.
import Fastify from 'fastify';
import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { type BlingerWebhook, toNodeHandler } from '../../src/index.js';
import { examples } from '../../src/testing/index.js';

const deliverAll = async (url: string) => {
  const statuses: number[] = [];
  for (const event of Object.values(examples)) {
    statuses.push((await fetch(url, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json' } })).status);
  }
  statuses.push((await fetch(url, { method: 'POST', body: '{"webhook":' })).status);
  return statuses;
};

const EXPECTED = [...Array(8).fill(200), 400];

describe('Fastify, as the README mounts it', () => {
  it('receives every event through request.raw / reply.raw', async () => {
    const received: BlingerWebhook[] = [];
    const fastify = Fastify();
    await fastify.register(async (instance) => {
      const blinger = toNodeHandler((event) => void received.push(event));
      instance.removeAllContentTypeParsers();
      instance.addContentTypeParser('*', (_request, _payload, done) => done(null));
      instance.post('/blinger', (request, reply) => {
        reply.hijack();
        blinger(request.raw, reply.raw);
      });
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = fastify.server.address() as AddressInfo;
      expect(await deliverAll(`http://127.0.0.1:${port}/blinger`)).toEqual(EXPECTED);
      expect(received).toEqual(Object.values(examples));
    } finally {
      await fastify.close();
    }
  });
});

describe('Koa, as the README mounts it', () => {
  it('receives every event through ctx.req / ctx.res', async () => {
    const received: BlingerWebhook[] = [];
    const app = new Koa();
    const blinger = toNodeHandler((event) => void received.push(event), { path: '/blinger' });
    app.use((ctx) => {
      ctx.respond = false;
      blinger(ctx.req, ctx.res);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await deliverAll(`http://127.0.0.1:${port}/blinger`)).toEqual(EXPECTED);
      expect((await fetch(`http://127.0.0.1:${port}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(404);
      expect(received).toEqual(Object.values(examples));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
