/**
 * Microsoft.EventGrid/verifiedPartners (tenant level, readable by any authenticated caller). The sandbox
 * knows Auth0, with its real partner registration immutable id.
 */
import { AUTH0_PARTNER } from '../core/eventgrid.js';
import { HttpError } from '../core/http.js';
import { route, type ArmRoute } from './common.js';
import type { EgDeps } from './eventgrid-shared.js';
import { page } from './odata.js';

const TYPE = 'Microsoft.EventGrid/verifiedPartners';

export const VERIFIED_PARTNERS = [
  {
    properties: {
      partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId,
      organizationName: 'Auth0',
      partnerDisplayName: AUTH0_PARTNER.displayName,
      partnerTopicDetails: {
        description: 'Stream Auth0 tenant log events to Azure Event Grid.',
        longDescription:
          'Auth0 log streaming sends your tenant logs (logins, failures, management API calls and more) to a partner topic in your Azure subscription, from where Event Grid routes them to any event handler.',
        setupUri: 'https://marketplace.auth0.com/integrations/azure-log-streaming',
      },
      provisioningState: 'Succeeded',
    },
    id: AUTH0_PARTNER.verifiedPartnerId,
    name: AUTH0_PARTNER.name,
    type: TYPE,
  },
];

export function verifiedPartnerRoutes(deps: EgDeps): ArmRoute[] {
  return [
    route({
      method: 'GET',
      template: '/providers/Microsoft.EventGrid/verifiedPartners/{verifiedPartnerName}',
      operation: 'VerifiedPartners_Get',
      resourceType: 'verifiedPartners',
      authz: 'any',
      handler: (c) => {
        const wanted = c.params.verifiedPartnerName.toLowerCase();
        const vp = VERIFIED_PARTNERS.find((p) => p.name.toLowerCase() === wanted);
        if (!vp) throw new HttpError(404, 'ResourceNotFound', `The Resource '${TYPE}/${c.params.verifiedPartnerName}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
        return { status: 200, body: vp };
      },
    }),
    route({
      method: 'GET',
      template: '/providers/Microsoft.EventGrid/verifiedPartners',
      operation: 'VerifiedPartners_List',
      resourceType: 'verifiedPartners',
      authz: 'any',
      handler: (c) => ({ status: 200, body: page(deps.ctx, c, VERIFIED_PARTNERS) }),
    }),
  ];
}
