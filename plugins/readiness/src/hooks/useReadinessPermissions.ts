import { usePermission } from '@backstage/plugin-permission-react';
import {
  readinessCampaignManagePermission,
  readinessEntityRefreshPermission,
  readinessExemptionManagePermission,
  readinessRescorePermission,
} from '@prodready/plugin-readiness-common';

/**
 * What the signed-in user may do with readiness scores. Each is `false`
 * while the answer is loading.
 *
 * @public
 */
export interface ReadinessPermissions {
  /** Rescore one entity now (`readiness.entity.refresh`). */
  canRefreshEntity: boolean;
  /** Create and remove exemptions (`readiness.exemption.manage`). */
  canManageExemptions: boolean;
  /** Start a full rescore of the catalog (`readiness.rescore`). */
  canRescoreAll: boolean;
  /** Create, edit, close and reopen campaigns (`readiness.campaign.manage`). */
  canManageCampaigns: boolean;
}

/**
 * The readiness actions the signed-in user is allowed.
 *
 * @public
 */
export function useReadinessPermissions(): ReadinessPermissions {
  const refresh = usePermission({
    permission: readinessEntityRefreshPermission,
  });
  const exemptions = usePermission({
    permission: readinessExemptionManagePermission,
  });
  const rescore = usePermission({ permission: readinessRescorePermission });
  const campaigns = usePermission({
    permission: readinessCampaignManagePermission,
  });
  return {
    canRefreshEntity: refresh.allowed,
    canManageExemptions: exemptions.allowed,
    canRescoreAll: rescore.allowed,
    canManageCampaigns: campaigns.allowed,
  };
}
