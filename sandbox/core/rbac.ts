/** Azure RBAC, modelled on the built-in role definitions: which principal may do which action where. */
import type { Principal } from './state.js';

interface RoleDefinition {
  actions: string[];
  notActions: string[];
}

export const BUILT_IN_ROLES: Record<string, RoleDefinition> = {
  owner: { actions: ['*'], notActions: [] },
  contributor: {
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
  },
  reader: { actions: ['*/read'], notActions: [] },
  // Reads monitoring data (metrics) of any resource: what `verify` needs beside EventGrid Contributor.
  'monitoring reader': { actions: ['*/read', 'Microsoft.OperationalInsights/workspaces/search/action', 'Microsoft.Support/*'], notActions: [] },
  'eventgrid contributor': {
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.EventGrid/*',
      'Microsoft.Insights/alertRules/*',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Support/*',
    ],
    notActions: [],
  },
  'eventgrid eventsubscription contributor': {
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.EventGrid/eventSubscriptions/*',
      'Microsoft.EventGrid/topicTypes/eventSubscriptions/read',
      'Microsoft.EventGrid/locations/eventSubscriptions/read',
      'Microsoft.EventGrid/locations/topicTypes/eventSubscriptions/read',
      'Microsoft.Insights/alertRules/*',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Support/*',
    ],
    notActions: [],
  },
};

export function isKnownRole(role: string): boolean {
  return role.toLowerCase() in BUILT_IN_ROLES;
}

function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$', 'i');
  return re.test(action);
}

function scopeContains(assignmentScope: string, scope: string): boolean {
  const a = assignmentScope.replace(/\/+$/, '').toLowerCase();
  const s = scope.replace(/\/+$/, '').toLowerCase();
  return s === a || s.startsWith(a + '/');
}

/** Whether `principal` may perform `action` (e.g. `Microsoft.EventGrid/partnerTopics/write`) on `scope`. */
export function isAllowed(principal: Principal, action: string, scope: string): boolean {
  return principal.roleAssignments.some((ra) => {
    const def = BUILT_IN_ROLES[ra.role.toLowerCase()];
    if (!def || !scopeContains(ra.scope, scope)) return false;
    return def.actions.some((p) => actionMatches(p, action)) && !def.notActions.some((p) => actionMatches(p, action));
  });
}
