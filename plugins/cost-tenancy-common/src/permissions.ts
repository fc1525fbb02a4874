import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading a team's cost and tenancy. Members of the team, of its ancestor
 * groups and of the configured finance groups may; the decision comes from
 * the caller's identity, never from the request.
 */
export const costTenancyTeamReadPermission = createPermission({
  name: 'costTenancy.team.read',
  attributes: { action: 'read' },
  resourceType: 'group',
});

/** Starting an ingestion run by hand. */
export const costTenancyIngestionRunPermission = createPermission({
  name: 'costTenancy.ingestion.run',
  attributes: { action: 'create' },
});

export const costTenancyPermissions = [
  costTenancyTeamReadPermission,
  costTenancyIngestionRunPermission,
];
