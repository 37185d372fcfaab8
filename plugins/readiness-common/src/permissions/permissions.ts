import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows rescoring one entity on demand.
 *
 * @public
 */
export const readinessEntityRefreshPermission = createPermission({
  name: 'readiness.entity.refresh',
  attributes: { action: 'update' },
});

/**
 * Allows creating and removing exemptions.
 *
 * @public
 */
export const readinessExemptionManagePermission = createPermission({
  name: 'readiness.exemption.manage',
  attributes: { action: 'update' },
});

/**
 * Allows starting a full rescore of the catalog.
 *
 * @public
 */
export const readinessRescorePermission = createPermission({
  name: 'readiness.rescore',
  attributes: { action: 'update' },
});

/**
 * Allows pushing facts computed outside Backstage (`POST /facts`, e.g. from
 * CI) as a user; service principals may always push.
 *
 * @public
 */
export const readinessFactsPushPermission = createPermission({
  name: 'readiness.facts.push',
  attributes: { action: 'update' },
});

/**
 * Allows recording attestations of attested checks for any entity (members
 * of the owning group may always attest their own entities).
 *
 * @public
 */
export const readinessAttestationManagePermission = createPermission({
  name: 'readiness.attestation.manage',
  attributes: { action: 'update' },
});

/**
 * Creates, edits and closes readiness campaigns.
 *
 * @public
 */
export const readinessCampaignManagePermission = createPermission({
  name: 'readiness.campaign.manage',
  attributes: { action: 'update' },
});

/**
 * Every permission of the readiness plugin, for registration.
 *
 * @public
 */
export const readinessPermissions = [
  readinessEntityRefreshPermission,
  readinessExemptionManagePermission,
  readinessRescorePermission,
  readinessFactsPushPermission,
  readinessAttestationManagePermission,
  readinessCampaignManagePermission,
];
