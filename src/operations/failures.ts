/**
 * From a service error to a Failure a person can act on: the step, the service's code and message,
 * and the fix (which role on which scope, which scopes, which federated credential, …).
 */
import type { Settings } from '../config/settings.js';
import { AUTH0_LOG_STREAM_SCOPES } from '../config/facts.js';
import { ServiceError } from '../azure/errors.js';
import type { Failure } from './types.js';

/** The subject GitHub puts in this job's OIDC token, when the job's environment tells. */
function expectedSubject(): string | undefined {
  const repo = process.env.GITHUB_REPOSITORY;
  if (!repo) return undefined;
  if (process.env.GITHUB_EVENT_NAME?.startsWith('pull_request')) return `repo:${repo}:pull_request`;
  if (process.env.GITHUB_REF) return `repo:${repo}:ref:${process.env.GITHUB_REF} (or repo:${repo}:environment:<name> when the job uses an environment)`;
  return undefined;
}

function azureFix(e: ServiceError, s: Settings): string {
  const { subscriptionId: sub, resourceGroup: rg, region } = s.azure;
  const groupScope = `/subscriptions/${sub}/resourceGroups/${rg}`;
  switch (e.code) {
    case 'NameNotResolved':
      return `${e.message.replace(/ \(DNS.*$/, '')} does not resolve: check azure-environment, or for a private cloud azure-resource-manager-endpoint and azure-authority-host.`;
    case 'UntrustedCertificate':
      return 'The endpoint\'s certificate is not trusted: check azure-environment (or azure-resource-manager-endpoint); behind a TLS-inspecting proxy, trust its CA with NODE_EXTRA_CA_CERTS.';
    case 'MissingSubscriptionRegistration':
      return `Register the resource provider once: \`az provider register --namespace Microsoft.EventGrid --subscription ${sub}\` (needs Contributor or Owner on the subscription), or grant the signed-in principal Contributor on /subscriptions/${sub} so that setup registers it.`;
    case 'AuthorizationFailed': {
      const action = /perform action '([^']+)'/.exec(e.message)?.[1];
      const scope = /over scope '([^']+)'/.exec(e.message)?.[1];
      if (action && /\/register\/action$/i.test(action)) {
        return `The principal may not register resource providers. Ask a subscription Owner or Contributor to run \`az provider register --namespace Microsoft.EventGrid --subscription ${sub}\`, or grant Contributor on /subscriptions/${sub}.`;
      }
      return `Grant the signed-in principal a role that allows '${action ?? 'the action'}' on '${scope ?? groupScope}': "EventGrid Contributor" on ${groupScope} covers partner configurations, partner topics and event subscriptions (\`az role assignment create --assignee <client-id> --role "EventGrid Contributor" --scope ${groupScope}\`).`;
    }
    case 'ResourceGroupNotFound':
      return `Create the resource group (\`az group create --name ${rg} --location ${region} --subscription ${sub}\`) or correct azure-resource-group.`;
    case 'SubscriptionNotFound':
    case 'InvalidSubscriptionId':
      return 'Check azure-subscription-id, and that the signed-in principal has a role on that subscription.';
    case 'InvalidAuthenticationToken':
    case 'InvalidAuthenticationTokenAudience':
    case 'InvalidAuthenticationTokenTenant':
    case 'ExpiredAuthenticationToken':
    case 'AuthenticationFailed':
      return 'Azure Resource Manager refused the token: check azure-environment (or azure-resource-manager-endpoint and azure-resource-manager-audience for a private cloud) and azure-tenant-id.';
    case 'SubscriptionRequestsThrottled':
    case 'TooManyRequests':
    case 'HTTP429':
      return 'Azure Resource Manager kept throttling after the retries: run again later, or run fewer environments at once.';
    case 'EventSubscriptionFailed':
    case 'EventSubscriptionCanceled':
      return 'Event Grid could not provision the event subscription: check that the destination exists, that a webhook answers the validation handshake, and run again.';
    case 'PartnerTopicNotFound':
      return `Auth0 creates the partner topic only while Microsoft.EventGrid is registered on ${sub} and the partner configuration of ${rg} authorizes Auth0 (unexpired). Check both (command: verify), check the stream in the Auth0 Dashboard (Monitoring > Streams), then run again; raise wait-timeout if Auth0 is slow. If the stream's topic was deleted, Auth0 will not create another: grant the Auth0 application read:logs so that setup can tell (it then recreates the stream), or delete the stream and run setup.`;
    case 'PartnerTopicConflict':
      return 'partner-topic names a topic bound to another stream: name this stream\'s own topic, or leave partner-topic empty to let the product find it.';
    case 'PartnerTopicLost':
      return 'Run setup (with recreate-stream-if-topic-lost: true, the default): it recreates the stream and replays the logs of the gap; Auth0 then creates a new partner topic.';
    case 'PartnerTopicAmbiguous':
      return 'Name the stream\'s topic with the partner-topic input (or in the environments file); the product tags it once activated, so later runs find it by its tags.';
    case 'ActivationRefused':
      return 'Check the partner topic in the Azure portal; if it is this stream\'s, name it with partner-topic and run again.';
    default:
      if (e.status && e.status >= 500) return 'Azure answered with a server error after the retries: run again; if it persists, check https://status.azure.com.';
      return 'See the message above; run again with the ACTIONS_STEP_DEBUG secret set to true for more detail.';
  }
}

function entraFix(e: ServiceError, s: Settings): string {
  const a = s.azureSignIn;
  switch (e.code) {
    case 'AADSTS700211':
    case 'AADSTS700212':
    case 'AADSTS700213':
    case 'AADSTS70021': {
      const subject = expectedSubject();
      return `No federated credential of application ${a.clientId} matches this workflow's OIDC token. Add one (Entra ID > App registrations > Certificates & secrets > Federated credentials) with issuer https://token.actions.githubusercontent.com, audience ${a.audience}${subject ? `, subject ${subject}` : ' and the subject of this job (repo:OWNER/REPO:ref:refs/heads/BRANCH or repo:OWNER/REPO:environment:NAME)'}.`;
    }
    case 'AADSTS700024':
      return 'The OIDC token expired before it was exchanged: check the runner clock and run again.';
    case 'AADSTS7000215':
    case 'AADSTS7000222':
      return `azure-client-secret is wrong or expired: create a new client secret for application ${a.clientId} and update the repository secret. Better: use OIDC federation (no secret).`;
    case 'AADSTS700016':
      return `Application ${a.clientId} does not exist in tenant ${a.tenantId}: check azure-client-id and azure-tenant-id.`;
    case 'AADSTS90002':
    case 'AADSTS90023':
    case 'endpoints_resolution_error':
      return `Tenant ${a.tenantId} was not found: check azure-tenant-id and azure-environment (or azure-authority-host).`;
    case 'CredentialUnavailable':
      return 'No Azure credential is available: give azure-client-id and azure-tenant-id (OIDC federation, with `permissions: id-token: write`), add azure-client-secret, or sign in with azure/login in an earlier step.';
    default:
      return 'Check azure-client-id, azure-tenant-id and the credential (federated credential or client secret) of that application.';
  }
}

function auth0Fix(e: ServiceError, s: Settings): string {
  const scopes = AUTH0_LOG_STREAM_SCOPES.join(', ');
  if (e.code === 'insufficient_scope' || (e.status === 403 && /scope/i.test(e.message))) {
    return `Authorize the Auth0 application ${s.auth0.clientId} for the Auth0 Management API with the scopes ${scopes} (Dashboard > Applications > APIs > Auth0 Management API > Machine To Machine Applications).`;
  }
  if (e.status === 401 || e.code === 'access_denied' || e.code === 'invalid_client' || e.code === 'unauthorized_client') {
    if (/not enabled/i.test(e.message)) return `The Management API audience https://${s.auth0.domain}/api/v2/ is unknown: auth0-domain must be the tenant's canonical domain (…auth0.com), not a custom domain.`;
    return `Auth0 refused the client credentials: check auth0-client-id and auth0-client-secret, and that the application is a machine-to-machine application authorized for the Auth0 Management API with ${scopes}.`;
  }
  if (e.status === 409) return 'The tenant has reached its log-stream limit: delete an unused stream (Dashboard > Monitoring > Streams) and run again.';
  if (e.status === 429) return 'The Auth0 Management API rate limit held after the retries: run again later.';
  if (e.status === 400 && /authoriz|partner|register/i.test(e.message)) {
    return `Auth0 could not create the partner topic in ${s.azure.resourceGroup}: Microsoft.EventGrid must be registered and the partner configuration must authorize Auth0 (run setup, which does both, or check with verify).`;
  }
  if (e.code === 'ENOTFOUND') return `auth0-domain "${s.auth0.domain}" does not resolve (DNS: no such host): check its spelling; it is the tenant's domain, like my-tenant.us.auth0.com (Auth0 Dashboard > Settings), without https://.`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)/.test(e.code)) return `The certificate of https://${s.auth0.domain} is not trusted (${e.code}): check auth0-domain; behind a TLS-inspecting proxy, trust its CA with NODE_EXTRA_CA_CERTS.`;
  if (!e.status) return `Could not reach https://${s.auth0.domain}: check auth0-domain and the network.`;
  if (e.status >= 500) return 'Auth0 answered with a server error after the retries: run again; if it persists, check https://status.auth0.com.';
  return 'See the message above.';
}

export function toFailure(step: string, err: unknown, s: Settings): Failure {
  const e = err instanceof ServiceError ? err : new ServiceError('azure', undefined, 'UnexpectedError', (err as Error)?.message ?? String(err));
  const fix = e.service === 'entra' ? entraFix(e, s) : e.service === 'auth0' ? auth0Fix(e, s) : azureFix(e, s);
  return { step, service: e.service, code: e.code, message: e.message, fix, status: e.status };
}
