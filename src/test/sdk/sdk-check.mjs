// Cloudflare's official TypeScript SDK, a client nobody here wrote, against the simulator.
// Run by CloudflareSdkTest: SIMULATOR_URL is the simulator's base URL; the simulator accepts
// the token dev-token and the global key global-key of ops@example.com, on a clock 5 times
// faster than the wall clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Cloudflare from 'cloudflare';

const baseURL = process.env.SIMULATOR_URL;
const ACCOUNT = '023e105f4ecef8ad9ca31a8372d0c353';
const OTHER_ACCOUNT = '0123456789abcdef0123456789abcdef';
const FULL_ACCOUNT = 'fedcba9876543210fedcba9876543210';
const withToken = new Cloudflare({ apiToken: 'dev-token', apiKey: null, apiEmail: null, baseURL, maxRetries: 0 });
const withKey = new Cloudflare({ apiToken: null, apiKey: 'global-key', apiEmail: 'ops@example.com', baseURL, maxRetries: 0 });
const pcaps = withToken.magicTransit.pcaps;

async function until(read, done, what) {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for ' + what);
}

let simpleId;

test('create a simple capture with an API token', async () => {
  const created = await pcaps.create({
    account_id: ACCOUNT, system: 'magic-transit', type: 'simple', time_limit: 60, packet_limit: 100,
  });
  assert.match(created.id, /^[0-9a-f]{32}$/);
  assert.equal(created.type, 'simple');
  assert.equal(created.status, 'pending');
  assert.match(created.submitted, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  simpleId = created.id;
});

test('a second simple capture within the minute is refused with 429', async () => {
  await assert.rejects(
    pcaps.create({ account_id: ACCOUNT, system: 'magic-transit', type: 'simple', time_limit: 10, packet_limit: 10 }),
    (e) => e instanceof Cloudflare.RateLimitError && e.status === 429);
});

test('get it until it succeeds, with the global key and email', async () => {
  const done = await until(
    () => withKey.magicTransit.pcaps.get(simpleId, { account_id: ACCOUNT }),
    (p) => p.status === 'success', 'success');
  assert.equal(done.id, simpleId);
  assert.equal(done.time_limit, 60);
});

test('download its pcap file', async () => {
  const response = await pcaps.download.get(simpleId, { account_id: ACCOUNT });
  assert.equal(response.headers.get('content-type'), 'application/vnd.tcpdump.pcap');
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 4)], [0xd4, 0xc3, 0xb2, 0xa1]);
  assert.ok(bytes.length > 24 + 16);
});

test('list the account\'s captures', async () => {
  const page = await pcaps.list({ account_id: ACCOUNT });
  assert.ok(page.result.some((p) => p.id === simpleId));
});

test('create a filtered simple capture and read the filter back', async () => {
  const filter = { destination_address: '203.0.113.7', destination_port: 443, protocol: 6 };
  const created = await pcaps.create({
    account_id: OTHER_ACCOUNT, system: 'magic-transit', type: 'simple', time_limit: 30, packet_limit: 50, filter_v1: filter,
  });
  const read = await pcaps.get(created.id, { account_id: OTHER_ACCOUNT });
  assert.deepEqual(read.filter_v1, filter);
});

let fullId;

test('create a full capture, see it run, and stop it', async () => {
  const created = await pcaps.create({
    account_id: FULL_ACCOUNT, system: 'magic-transit', type: 'full', time_limit: 3600,
    colo_name: 'ORD', destination_conf: 'gs://my-pcaps/netops', byte_limit: 1000000,
  });
  fullId = created.id;
  assert.equal(created.type, 'full');
  await until(() => pcaps.get(fullId, { account_id: FULL_ACCOUNT }), (p) => p.status === 'running', 'running');
  await pcaps.stop(fullId, { account_id: FULL_ACCOUNT });
  const stopped = await pcaps.get(fullId, { account_id: FULL_ACCOUNT });
  assert.match(stopped.stop_requested, /^\d{4}-\d\d-\d\dT/);
  assert.equal(stopped.colo_name, 'ORD');
});

test('bucket ownership: create, list, validate with the challenge, delete', async () => {
  const destination = 's3://sdk-bucket/pcaps?region=us-east-1';
  const created = await pcaps.ownership.create({ account_id: ACCOUNT, destination_conf: destination });
  assert.equal(created.status, 'pending');
  assert.equal(created.filename, `ownership-challenge-${created.id}.txt`);
  assert.equal(created.validated, undefined);
  const listed = await pcaps.ownership.get({ account_id: ACCOUNT });
  assert.ok(listed.result.some((o) => o.id === created.id));
  await assert.rejects(
    pcaps.ownership.validate({ account_id: ACCOUNT, destination_conf: destination, ownership_challenge: created.filename }),
    (e) => e instanceof Cloudflare.BadRequestError);
  const files = await (await fetch(new URL('/__admin/bucket-files', baseURL))).json();
  const challenge = files.files.find((f) => f.name === created.filename).contents;
  const validated = await pcaps.ownership.validate({ account_id: ACCOUNT, destination_conf: destination, ownership_challenge: challenge });
  assert.equal(validated.id, created.id);
  await pcaps.ownership.delete(created.id, { account_id: ACCOUNT });
  const after = await pcaps.ownership.get({ account_id: ACCOUNT });
  assert.ok(!after.result.some((o) => o.id === created.id));
});

test('a rejected token is a 403 with code 10000', async () => {
  const wrong = new Cloudflare({ apiToken: 'not-a-token', apiKey: null, apiEmail: null, baseURL, maxRetries: 0 });
  await assert.rejects(
    wrong.magicTransit.pcaps.list({ account_id: ACCOUNT }),
    (e) => e instanceof Cloudflare.PermissionDeniedError && e.errors.some((x) => x.code === 10000));
});

test('an unknown capture is a 404', async () => {
  await assert.rejects(
    pcaps.get('0'.repeat(32), { account_id: ACCOUNT }),
    (e) => e instanceof Cloudflare.NotFoundError);
});

test('an invalid request is a 400 that names the field', async () => {
  await assert.rejects(
    pcaps.create({ account_id: OTHER_ACCOUNT, system: 'magic-transit', type: 'simple', time_limit: 301, packet_limit: 10 }),
    (e) => e instanceof Cloudflare.BadRequestError && /time_limit/.test(JSON.stringify(e.errors)));
});

test('a second full capture while one runs is refused with 409', async () => {
  const other = await pcaps.create({
    account_id: FULL_ACCOUNT, system: 'magic-transit', type: 'full', time_limit: 3600,
    colo_name: 'ORD', destination_conf: 'gs://my-pcaps/netops',
  }).catch((e) => e);
  // The first was stopped: it no longer runs, so this one is accepted; a third is not.
  assert.match(other.id, /^[0-9a-f]{32}$/);
  await until(() => pcaps.get(other.id, { account_id: FULL_ACCOUNT }), (p) => p.status === 'running', 'running');
  await assert.rejects(
    pcaps.create({
      account_id: FULL_ACCOUNT, system: 'magic-transit', type: 'full', time_limit: 60,
      colo_name: 'ORD', destination_conf: 'gs://my-pcaps/netops',
    }),
    (e) => e instanceof Cloudflare.ConflictError && e.status === 409);
});
