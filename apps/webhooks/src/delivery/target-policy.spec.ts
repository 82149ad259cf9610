import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProblemException } from '@multitrack/platform';
import { postWebhook } from './post-webhook';
import { isPrivateAddress, TargetPolicy } from './target-policy';

const production = new TargetPolicy(false);
const development = new TargetPolicy(true);

const refusal = (url: string) => {
  try {
    production.checkUrl(url);
    return undefined;
  } catch (error) {
    return (error as ProblemException).problem;
  }
};

describe('where webhooks may go', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
  ])('%s is a loopback, private or link-local address', (address) =>
    expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(['93.184.216.34', '2606:4700:4700::1111', '8.8.8.8'])('%s is public', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it('refuses http:// and loopback or private hosts when subscribing (422 naming the rule)', () => {
    expect(refusal('http://ngo.example/hook')).toMatchObject({
      status: 422,
      rule: 'subscription.url-not-allowed',
    });
    expect(refusal('https://127.0.0.1/hook')).toMatchObject({ status: 422 });
    expect(refusal('https://[::1]/hook')).toMatchObject({ status: 422 });
    expect(refusal('https://localhost/hook')).toMatchObject({ status: 422 });
    expect(refusal('https://ngo.example/hook')).toBeUndefined();
  });

  it('allows loopback http:// only with WEBHOOK_ALLOW_PRIVATE_URLS', () => {
    expect(() => development.checkUrl('http://127.0.0.1:8080/hook')).not.toThrow();
  });

  describe('at delivery, on the address actually dialled', () => {
    let server: Server;
    let hits = 0;
    let port: number;

    beforeAll(async () => {
      server = createServer((_, response) => {
        hits += 1;
        response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end('x'.repeat(100_000));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const post = (url: string, policy: TargetPolicy) =>
      postWebhook({ url, body: '{}', headers: {}, timeoutMs: 2000, policy });

    it('never connects to a name that resolves to loopback (DNS checked at connect time)', async () => {
      const answer = await post(`http://localhost:${port}/hook`, production);
      expect(answer).toEqual({ failure: expect.stringContaining('resolves to') });
      expect(hits).toBe(0);
    });

    it('never connects to a loopback address literal', async () => {
      expect(await post(`http://127.0.0.1:${port}/hook`, production)).toEqual({
        failure: expect.stringContaining('loopback or private'),
      });
      expect(hits).toBe(0);
    });

    it('follows no redirect and reads only the start of a large answer', async () => {
      expect(await post(`http://localhost:${port}/hook`, development)).toEqual({ responseStatus: 302 });
      expect(hits).toBe(1);
    });

    it('gives up on a receiver that does not answer in time', async () => {
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port: silentPort } = silent.address() as AddressInfo;
      const answer = await postWebhook({
        url: `http://127.0.0.1:${silentPort}/hook`,
        body: '{}',
        headers: {},
        timeoutMs: 200,
        policy: development,
      });
      expect(answer).toEqual({ failure: 'no answer within 200 ms' });
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
  });
});
