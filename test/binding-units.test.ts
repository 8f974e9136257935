/** The binding rules (src/operations/binding.ts) one by one, and the partner-topic input. */
import { bindTopic, sourceNamesTenant, wantedTags, type BindingInput } from '../src/operations/binding.js';
import type { PartnerTopic } from '../src/azure/arm.js';
import type { LogStream } from '../src/auth0/log-streams.js';
import { ConfigError, parseSettings } from '../src/config/settings.js';
import { AUTH0_PARTNER_IMMUTABLE_ID } from '../src/config/facts.js';

const SUB = '5f1c9a3e-7b2d-4e8f-a6c1-0d9e8b7a6f54';
const RG = 'auth0-events';
const PATH = (tenant: string) => `azure.partner/auth0.com/${tenant}-${SUB}/auth0.logs`;

function topic(name: string, source: string, extra: Partial<PartnerTopic> = {}): PartnerTopic {
  return { name, source, partnerRegistrationImmutableId: AUTH0_PARTNER_IMMUTABLE_ID, activationState: 'NeverActivated', location: 'westus2', systemData: { createdAt: new Date('2026-12-01T00:00:00Z') }, ...extra } as PartnerTopic;
}

function stream(id: string, azurePartnerTopic?: string, extra: Partial<LogStream> = {}): LogStream {
  return { id, name: id, type: 'eventgrid', status: 'active', sink: { azureSubscriptionId: SUB, azureResourceGroup: RG, azureRegion: 'westus2', ...(azurePartnerTopic ? { azurePartnerTopic } : {}) }, ...extra };
}

function bind(over: Partial<BindingInput>) {
  return bindTopic({ topics: [], streams: [], tenant: 'dev', subscriptionId: SUB, resourceGroup: RG, allowGuess: true, ...over });
}

describe('sourceNamesTenant', () => {
  test('accepts the partner path, whose tenant is followed by "-" and the subscription id', () => {
    expect(sourceNamesTenant(PATH('dev'), 'dev')).toBe(true);
    expect(sourceNamesTenant('auth0.com/dev/log-streams/lst_1', 'dev')).toBe(true);
  });
  test('still tells tenants apart as whole names', () => {
    expect(sourceNamesTenant(PATH('dev-eu'), 'dev')).toBe(false);
    expect(sourceNamesTenant('auth0.com/dev-eu/log-streams/lst_1', 'dev')).toBe(false);
    expect(sourceNamesTenant(PATH('mydev'), 'dev')).toBe(false);
    expect(sourceNamesTenant(PATH('dev'), 'dev-eu')).toBe(false);
    expect(sourceNamesTenant('4b0b7e4e-6d51-4a43-9d3e-9f7c0e0d1a11', 'dev')).toBe(false);
  });
});

describe('bindTopic: evidence, strongest first', () => {
  const s = stream('lst_1111111111111111', PATH('dev'));
  test('the tag beats everything else', () => {
    const tagged = topic('auth0-dev-Aa1', 'x', { tags: { 'auth0-eventgrid-stream': s.id } });
    const named = topic('auth0-dev-Bb2', PATH('dev'));
    const b = bind({ stream: s, topics: [named, tagged], streams: [s] });
    expect([b.topic?.name, b.evidence, b.guess]).toEqual(['auth0-dev-Aa1', 'tag', false]);
  });
  test('the name equal to azurePartnerTopic', () => {
    const r = stream('lst_2', 'auth0-dev-Cc3');
    const b = bind({ stream: r, topics: [topic('auth0-dev-Cc3', 'opaque-1'), topic('auth0-dev-Dd4', PATH('dev'))], streams: [r] });
    expect([b.topic?.name, b.evidence]).toEqual(['auth0-dev-Cc3', 'name']);
  });
  test('the source equal to azurePartnerTopic, only when no other stream reports the same value', () => {
    const t = topic('auth0-dev-Ee5', PATH('dev'));
    expect(bind({ stream: s, topics: [t], streams: [s] }).evidence).toBe('source');
    const other = stream('lst_9999999999999999', PATH('dev'));
    // Shared: the partner path is no evidence; with a second stream waiting, not even a guess.
    const b = bind({ stream: s, topics: [t], streams: [s, other] });
    expect(b.topic).toBeUndefined();
    expect(b.reason).toMatch(/lst_9999999999999999/);
  });
  test('the stream id in the source', () => {
    const b = bind({ stream: s, topics: [topic('auth0-dev-Ff6', `auth0.com/dev/log-streams/${s.id}`)], streams: [s] });
    expect(b.evidence).toBe('stream-id');
  });
  test('only Auth0 topics: another partner naming the tenant is never bound', () => {
    const b = bind({ stream: stream('lst_3'), topics: [topic('contoso', PATH('dev'), { partnerRegistrationImmutableId: '941892bc-f5d0-4d1c-8fb5-477570fc2b71' })], streams: [] });
    expect(b.topic).toBeUndefined();
  });
  test('a tenant match is a guess, refused when guesses are not allowed (teardown, deactivate-topic)', () => {
    const r = stream('lst_4');
    const t = topic('auth0-dev-Gg7', PATH('dev'));
    expect(bind({ stream: r, topics: [t], streams: [r] })).toMatchObject({ evidence: 'tenant', guess: true });
    const strict = bind({ stream: r, topics: [t], streams: [r], allowGuess: false });
    expect(strict.topic).toBeUndefined();
    expect(strict.reason).toMatch(/only a guess/);
  });
  test('never a topic bound to another stream, by its tag or its name', () => {
    const r = stream('lst_5');
    const other = stream('lst_6', 'auth0-dev-Hh8');
    const byTag = topic('auth0-dev-Ii9', PATH('dev'), { tags: { 'auth0-eventgrid-stream': 'lst_7' } });
    const byName = topic('auth0-dev-Hh8', PATH('dev'));
    const b = bind({ stream: r, topics: [byTag, byName], streams: [r, other] });
    expect(b.topic).toBeUndefined();
  });
  test('two unbound topics of the tenant: no guess, the candidates are listed', () => {
    const r = stream('lst_8');
    const b = bind({ stream: r, topics: [topic('auth0-dev-Jj1', PATH('dev')), topic('auth0-dev-Kk2', PATH('dev'))], streams: [r] });
    expect(b.topic).toBeUndefined();
    expect(b.reason).toMatch(/2 Auth0 topics of tenant 'dev'/);
    expect(b.candidates.map((t) => t.name)).toEqual(['auth0-dev-Jj1', 'auth0-dev-Kk2']);
  });
  test('created by this run: the first topic that appeared after the create, unless an older stream still waits', () => {
    const r = stream('lst_10');
    const old = topic('auth0-dev-Old', 'opaque-old');
    const fresh = topic('auth0-dev-New', 'opaque-new', { systemData: { createdAt: new Date('2026-12-02T00:00:00Z') } });
    const later = topic('auth0-dev-Later', 'opaque-later', { systemData: { createdAt: new Date('2026-12-02T00:00:05Z') } });
    const created = { createdAt: Date.parse('2026-12-01T23:59:59Z'), preexistingTopics: new Set(['auth0-dev-old']) };
    expect(bind({ stream: r, topics: [old, later, fresh], streams: [r], ...created })).toMatchObject({ topic: fresh, evidence: 'new-topic', guess: true });
    const waiting = stream('lst_11');
    const blocked = bind({ stream: r, topics: [old, fresh], streams: [r, waiting], ...created, olderStreams: new Set(['lst_11']) });
    expect(blocked.topic).toBeUndefined();
    expect(blocked.reason).toMatch(/lst_11/);
    // Another tenant's topic (its source names that tenant) is not taken even when new.
    const foreign = topic('auth0-other-New', PATH('other'), { systemData: { createdAt: new Date('2026-12-02T00:00:00Z') } });
    expect(bind({ stream: r, topics: [foreign], streams: [r], ...created }).topic).toBeUndefined();
  });
  test('partner-topic names it; a topic tagged for another stream is refused', () => {
    const r = stream('lst_12');
    const t = topic('auth0-dev-Ll3', 'opaque');
    expect(bind({ stream: r, topics: [t], streams: [r], explicit: 'auth0-dev-Ll3' })).toMatchObject({ topic: t, evidence: 'explicit', guess: false });
    const other = topic('auth0-dev-Mm4', 'opaque', { tags: { 'auth0-eventgrid-stream': 'lst_13' } });
    const b = bind({ stream: r, topics: [other], streams: [r, stream('lst_13')], explicit: 'auth0-dev-Mm4' });
    expect(b.topic).toBeUndefined();
    expect(b.conflict).toMatch(/belongs to stream lst_13/);
  });
  test('a topic left idle is never a candidate nor a guess; partner-topic binds it only to the stream that owned it, or to no stream (teardown)', () => {
    const idle = (extra: Partial<PartnerTopic> = {}) => topic('auth0-dev-Id1', PATH('dev'), { provisioningState: 'IdleDueToMirroredChannelResourceDeletion', activationState: 'Activated', ...extra });
    const fresh = stream('lst_20', PATH('dev'));
    const untagged = bind({ stream: fresh, topics: [idle()], streams: [fresh] });
    expect(untagged.topic).toBeUndefined();
    expect(untagged.candidates).toEqual([]);
    const named = bind({ stream: fresh, topics: [idle({ tags: { 'auth0-eventgrid-stream': 'lst_19' } })], streams: [fresh], explicit: 'auth0-dev-Id1' });
    expect(named.topic).toBeUndefined();
    expect(named.conflict).toMatch(/is IdleDueToMirroredChannelResourceDeletion: the stream it belonged to \(lst_19\) was deleted .* remove partner-topic/);
    expect(bind({ stream: fresh, topics: [idle()], streams: [fresh], explicit: 'auth0-dev-Id1' }).conflict).toMatch(/remove partner-topic/);
    // Its own stream still binds it (verify then reports the topic lost); without a stream, teardown may name it.
    const owner = stream('lst_19');
    expect(bind({ stream: owner, topics: [idle({ tags: { 'auth0-eventgrid-stream': 'lst_19' } })], streams: [owner] })).toMatchObject({ evidence: 'tag' });
    expect(bind({ topics: [idle()], streams: [], explicit: 'auth0-dev-Id1' })).toMatchObject({ evidence: 'explicit' });
  });
  test('wantedTags keeps other tags and is undefined once tagged', () => {
    const t = topic('auth0-dev-Nn5', 'x', { tags: { team: 'payments' } });
    expect(wantedTags(t, 'lst_1', 'prod')).toEqual({ team: 'payments', 'auth0-eventgrid-stream': 'lst_1', 'auth0-eventgrid-environment': 'prod' });
    expect(wantedTags({ ...t, tags: { team: 'payments', 'auth0-eventgrid-stream': 'lst_1', 'auth0-eventgrid-environment': 'prod' } }, 'lst_1', 'prod')).toBeUndefined();
  });
});

describe('inputs', () => {
  const base: Record<string, string> = {
    'azure-subscription-id': SUB,
    'azure-resource-group': RG,
    'azure-region': 'westus2',
    'auth0-domain': 'dev.us.auth0.com',
    'auth0-client-id': 'id',
    'auth0-client-secret': 'secret-value',
  };
  const parse = (extra: Record<string, string>) => parseSettings((n) => ({ ...base, ...extra })[n]);
  test('partner-topic is validated as a partner topic name', () => {
    expect(parse({ 'partner-topic': 'auth0-dev-P-BK1VpOIA' }).partnerTopic).toBe('auth0-dev-P-BK1VpOIA');
    let err: unknown;
    try {
      parse({ 'partner-topic': 'auth0/dev topic' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/Input 'partner-topic': "auth0\/dev topic" is not a partner topic name/);
  });
  test('recreate-stream-if-topic-lost defaults to true', () => {
    expect(parse({}).stream.recreateIfTopicLost).toBe(true);
    expect(parse({ 'recreate-stream-if-topic-lost': 'false' }).stream.recreateIfTopicLost).toBe(false);
  });
});
