/**
 * The sandbox's managed-identity endpoint (`{entra}/msi/token`, what `MSI_ENDPOINT` names in Azure Cloud
 * Shell): IMDS's errors, tokens ARM accepts for the named identity, and @azure/identity's
 * ManagedIdentityCredential signing in through it.
 */
import { ManagedIdentityCredential } from '@azure/identity';
import { decodeJwt } from 'jose';
import { testSandbox } from './helpers/sandbox.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';

const MANAGEMENT = 'https://management.core.windows.net/';

describe('the managed-identity endpoint', () => {
  let sb: Sandbox;
  let url = '';
  beforeAll(async () => {
    sb = await testSandbox();
    url = `${sb.endpoints.entra}/msi/token`;
  });
  afterAll(async () => {
    await sb?.stop();
  });

  const ask = (fields: Record<string, string>, headers: Record<string, string> = { Metadata: 'true' }) =>
    fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  test('answers as IMDS does to a request without the Metadata header, an unknown identity, a resource it cannot issue for', async () => {
    const noHeader = await ask({ resource: MANAGEMENT, client_id: DEFAULT_IDS.clientId }, {});
    expect(noHeader.status).toBe(400);
    expect(await noHeader.json()).toEqual({ error: 'invalid_request', error_description: 'Required metadata header not specified' });
    const unknown = await ask({ resource: MANAGEMENT, client_id: '00000000-0000-0000-0000-0000000000aa' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'invalid_request', error_description: 'Identity not found' });
    const resource = await ask({ resource: 'https://example.com/', client_id: DEFAULT_IDS.clientId });
    expect(resource.status).toBe(400);
    expect((await resource.json()).error).toBe('invalid_resource');
    const noResource = await ask({ client_id: DEFAULT_IDS.clientId });
    expect(noResource.status).toBe(400);
  });

  test('issues a token for the named identity that ARM accepts: the Reader lists its subscription', async () => {
    const res = await ask({ resource: MANAGEMENT, client_id: DEFAULT_IDS.readerClientId });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toMatchObject({ token_type: 'Bearer', resource: MANAGEMENT, client_id: DEFAULT_IDS.readerClientId, expires_in: '3599' });
    expect(Number(body.expires_on)).toBeGreaterThan(Date.now() / 1000);
    expect(decodeJwt(body.access_token)).toMatchObject({ aud: MANAGEMENT, appid: DEFAULT_IDS.readerClientId, tid: DEFAULT_IDS.tenantId, appidacr: '2' });
    const subs = await fetch(`${sb.endpoints.arm}/subscriptions?api-version=2022-12-01`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(((await subs.json()) as any).value.map((s: any) => s.subscriptionId)).toEqual([DEFAULT_IDS.subscriptionId]);
    // GET with the fields in the query string, as on IMDS.
    const get = await fetch(`${url}?resource=${encodeURIComponent(MANAGEMENT)}&client_id=${DEFAULT_IDS.clientId}`, { headers: { Metadata: 'true' } });
    expect(get.status).toBe(200);
  });

  test('@azure/identity ManagedIdentityCredential signs in through MSI_ENDPOINT (Cloud Shell) as the system-assigned identity', async () => {
    const saved = process.env.MSI_ENDPOINT;
    process.env.MSI_ENDPOINT = url;
    try {
      const token = await new ManagedIdentityCredential().getToken('https://management.azure.com/.default');
      expect(decodeJwt(token.token)).toMatchObject({ appid: DEFAULT_IDS.clientId, tid: DEFAULT_IDS.tenantId });
    } finally {
      if (saved === undefined) delete process.env.MSI_ENDPOINT;
      else process.env.MSI_ENDPOINT = saved;
    }
  });
});
