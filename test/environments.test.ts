import { parseEnvironmentsFile, resolveInvocation, EnvironmentsFileError } from '../src/config/environments.js';
import { ConfigError } from '../src/config/settings.js';
import { environmentsSchema } from '../src/config/schema.js';
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import { parse as parseYaml } from 'yaml';

const SUB = '5f1c9a3e-7b2d-4e8f-a6c1-0d9e8b7a6f54';
const FILE = `# environments
defaults:
  azure-region: westus2
  azure-client-id: 3b9d5c7e-1a2f-4b6c-8d0e-9f1a2b3c4d5e
  azure-tenant-id: 8d3c6a2b-5f4e-4c1a-9b7d-2e6f1a0c3b5d
  authorization-days: 14
environments:
  prod:
    azure-subscription-id: ${SUB}
    azure-resource-group: auth0-prod
    auth0-domain: prod-tenant.eu.auth0.com
    auth0-client-id: prodClient
    auth0-client-secret-env: AUTH0_PROD_SECRET
    event-categories: [auth.login.fail, auth.login.success]
    authorization-days: 30
  staging:
    azure-subscription-id: ${SUB}
    azure-resource-group: auth0-staging
    auth0-domain: staging-tenant.us.auth0.com
    auth0-client-id: stagingClient
    auth0-client-secret-env: AUTH0_STAGING_SECRET
    activation: manual
`;

const files = (text: string) => (p: string) => (p === '.github/auth0-eventgrid.yml' ? text : undefined);
const inputs = (m: Record<string, string>) => (name: string) => m[name];
const ENV = { AUTH0_PROD_SECRET: 'prod-secret-value-1234', AUTH0_STAGING_SECRET: 'staging-secret-value-5678' };

describe('environments file', () => {
  test('selected environments get their values over the defaults over the inputs', () => {
    const inv = resolveInvocation(inputs({ environment: 'all', command: 'check-expiry', 'warn-days': '20' }), files(FILE), ENV);
    expect(inv.fromFile).toBe(true);
    expect(inv.environments.map((e) => e.environment)).toEqual(['prod', 'staging']);
    const [prod, staging] = inv.environments;
    expect(prod.azure).toEqual({ subscriptionId: SUB, resourceGroup: 'auth0-prod', region: 'westus2' });
    expect(prod.authorizationDays).toBe(30);
    expect(staging.authorizationDays).toBe(14);
    expect(prod.stream.categories).toEqual(['auth.login.fail', 'auth.login.success']);
    expect(prod.auth0.clientSecret).toBe(ENV.AUTH0_PROD_SECRET);
    expect(prod.auth0.tenant).toBe('prod-tenant');
    expect(staging.activation).toBe('manual');
    expect(prod.expiry.warnDays).toBe(20);
    expect(prod.command).toBe('check-expiry');
    expect(inv.secrets).toEqual(expect.arrayContaining([ENV.AUTH0_PROD_SECRET, ENV.AUTH0_STAGING_SECRET]));
  });

  test('an input given to the run wins over the file; one left empty does not mask it', () => {
    const given = resolveInvocation(inputs({ environment: 'all', 'authorization-days': '60' }), files(FILE), ENV);
    expect(given.environments.map((e) => e.authorizationDays)).toEqual([60, 60]);
    const empty = resolveInvocation(inputs({ environment: 'all', 'authorization-days': '' }), files(FILE), ENV);
    expect(empty.environments.map((e) => e.authorizationDays)).toEqual([30, 14]);
  });

  test('a list of names selects those; an unknown name is refused with the known ones', () => {
    expect(resolveInvocation(inputs({ environment: 'staging' }), files(FILE), ENV).environments.map((e) => e.environment)).toEqual(['staging']);
    expect(() => resolveInvocation(inputs({ environment: 'prod, qa' }), files(FILE), ENV)).toThrow(/unknown environment "qa".*defines: prod, staging/);
  });

  test('without environment the inputs alone are used, and a missing file is only an error when asked for', () => {
    const inv = resolveInvocation(
      inputs({ 'azure-subscription-id': SUB, 'azure-resource-group': 'g', 'azure-region': 'westus2', 'auth0-domain': 't.us.auth0.com', 'auth0-client-id': 'c', 'auth0-client-secret': 'sssss' }),
      () => undefined,
      {},
    );
    expect(inv.fromFile).toBe(false);
    expect(() => resolveInvocation(inputs({ environment: 'prod' }), () => undefined, {})).toThrow(ConfigError);
    expect(() => resolveInvocation(inputs({ environment: 'prod' }), () => undefined, {})).toThrow(/config-file.*not found/);
  });

  test('problems name the file, line and column, all at once', () => {
    const bad = FILE.replace('azure-resource-group: auth0-prod', 'azure-resource-group: auth0 prod!').replace('activation: manual', 'activation: sometimes');
    let err: unknown;
    try {
      resolveInvocation(inputs({ environment: 'all' }), files(bad), ENV);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvironmentsFileError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/\.github\/auth0-eventgrid\.yml:10:5: environments\.prod\.azure-resource-group: "auth0 prod!" may contain only/);
    expect(msg).toMatch(/\.github\/auth0-eventgrid\.yml:22:5: environments\.staging\.activation: "sometimes" is not allowed; use one of: auto, manual, never/);
  });

  test('secret values are refused in the file; references must name a set variable', () => {
    const literal = FILE.replace('auth0-client-secret-env: AUTH0_PROD_SECRET', 'auth0-client-secret: hunter2-secret');
    expect(() => parseEnvironmentsFile('f.yml', literal)).toThrow(/f\.yml:13:5: environments\.prod\.auth0-client-secret must not hold a secret value; use auth0-client-secret-env/);
    try {
      parseEnvironmentsFile('f.yml', literal);
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2-secret');
    }
    expect(() => resolveInvocation(inputs({ environment: 'prod' }), files(FILE), {})).toThrow(/:13:5: environments\.prod\.auth0-client-secret-env names AUTH0_PROD_SECRET, which is not set/);
  });

  test('unknown keys, run-level keys, YAML syntax errors and a missing environments map', () => {
    expect(() => parseEnvironmentsFile('f.yml', FILE.replace('activation: manual', 'activaton: manual'))).toThrow(/f\.yml:22:5: environments\.staging\.activaton is not a known setting/);
    expect(() => parseEnvironmentsFile('f.yml', FILE.replace('activation: manual', 'dry-run: true'))).toThrow(/dry-run belongs to the run/);
    expect(() => parseEnvironmentsFile('f.yml', 'environments:\n  prod: [oops\n')).toThrow(/f\.yml:\d+:\d+:/);
    expect(() => parseEnvironmentsFile('f.yml', 'defaults: {}\n')).toThrow(/"environments" mapping is missing/);
    expect(() => parseEnvironmentsFile('f.yml', 'environments:\n  "bad name": {}\n')).toThrow(/environment name "bad name"/);
  });

  test('the published JSON Schema is current and accepts the example file', () => {
    const published = JSON.parse(readFileSync('schema/auth0-eventgrid.schema.json', 'utf8'));
    expect(published).toEqual(environmentsSchema());
    // ajv is CommonJS: its class is the default export's `default` under NodeNext.
    const Ajv = ((AjvModule as any).default ?? AjvModule) as typeof AjvModule.default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(published);
    expect(validate(parseYaml(FILE))).toBe(true);
    expect(validate(parseYaml(FILE.replace('activation: manual', 'activation: sometimes')))).toBe(false);
    expect(validate(parseYaml(FILE.replace('auth0-client-secret-env: AUTH0_PROD_SECRET', 'auth0-client-secret: x')))).toBe(false);
  });
});
