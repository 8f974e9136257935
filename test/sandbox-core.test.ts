import { testSandbox, admin } from './helpers/sandbox.js';
import type { Sandbox } from '../sandbox/index.js';

describe('sandbox core', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await testSandbox();
  });
  afterAll(async () => {
    await sb.stop();
  });

  test('serves HTTPS trusted through NODE_EXTRA_CA_CERTS and the admin state', async () => {
    const state = await admin(sb, 'GET', 'state');
    expect(state.subscriptions).toHaveLength(1);
    expect(state.auth0Tenants[0].name).toBe('dev-tenant');
    expect(JSON.stringify(state)).not.toContain('sbx~ClientSecret');
  });

  test('the clock only moves forward and advances by durations', async () => {
    const before = await admin(sb, 'GET', 'clock');
    const after = await admin(sb, 'POST', 'clock', { advance: '2d' });
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(2 * 86400_000);
    await expect(admin(sb, 'POST', 'clock', { set: '2000-01-01T00:00:00Z' })).rejects.toThrow(/only moves forward/);
    await expect(admin(sb, 'POST', 'clock', { advance: 'soon' })).rejects.toThrow(/not a duration/);
  });

  test('bad fault specs and settings are refused with a reason', async () => {
    await expect(admin(sb, 'POST', 'faults', { service: 'arm' })).rejects.toThrow(/operation.*path/);
    await expect(admin(sb, 'PATCH', 'settings', { nope: 1 })).rejects.toThrow(/Unknown setting/);
    await expect(admin(sb, 'POST', 'reset', { subscriptions: [{ subscriptionId: 'x' }] })).rejects.toThrow(/not a GUID/);
  });

  test('malformed requests do not crash it', async () => {
    const res = await fetch(`${sb.endpoints.arm}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"service":' });
    expect(res.status).toBe(400);
    const ok = await fetch(`${sb.endpoints.arm}/_sandbox/state`);
    expect(ok.status).toBe(200);
  });
});
