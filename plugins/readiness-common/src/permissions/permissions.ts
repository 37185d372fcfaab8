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
 * Every permission of the readiness plugin, for registration.
 *
 * @public
 */
export const readinessPermissions = [
  readinessEntityRefreshPermission,
  readinessExemptionManagePermission,
  readinessRescorePermission,
];
