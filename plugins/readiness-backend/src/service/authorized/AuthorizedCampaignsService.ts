import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  readinessCampaignManagePermission,
  type Campaign,
  type CampaignDetail,
  type CampaignHistoryEvent,
  type CampaignsQuery,
  type CampaignSummary,
  type EntityCampaign,
} from '@prodready/plugin-readiness-common';
import { describeCaller } from '../../lib/describeCaller';
import type { ReadinessAuthorizer } from '../../permissions/ReadinessAuthorizer';
import type { CampaignsModel, CampaignViewer } from '../models/CampaignsModel';
import type { CallerOptions } from './CallerOptions';
import type { CampaignsService } from './CampaignsService';

/**
 * {@link CampaignsService} over the {@link CampaignsModel}: reads count only
 * what the caller may read in the catalog; writes need
 * `readiness.campaign.manage` and record the caller as the actor.
 *
 * @internal
 */
export class AuthorizedCampaignsService implements CampaignsService {
  constructor(
    private readonly model: CampaignsModel,
    private readonly authorizer: ReadinessAuthorizer,
    private readonly auth: AuthService,
  ) {}

  private async viewer(
    credentials: BackstageCredentials,
  ): Promise<CampaignViewer> {
    return {
      credentials,
      visible: await this.authorizer.getVisibleEntityRefs(credentials),
    };
  }

  private async authorizeWrite(
    credentials: BackstageCredentials,
  ): Promise<string> {
    await this.authorizer.authorize(
      credentials,
      readinessCampaignManagePermission,
    );
    return describeCaller(this.auth, credentials);
  }

  async list(
    query: CampaignsQuery,
    { credentials }: CallerOptions,
  ): Promise<CampaignSummary[]> {
    return this.model.list(query, await this.viewer(credentials));
  }

  async get(
    id: string,
    { credentials }: CallerOptions,
  ): Promise<CampaignDetail> {
    return this.model.get(id, await this.viewer(credentials));
  }

  async listHistory(
    id: string,
    _options: CallerOptions,
  ): Promise<CampaignHistoryEvent[]> {
    // A campaign's definition names no entity: any signed-in caller may read it.
    return this.model.listHistory(id);
  }

  async listEntityCampaigns(
    entityRef: string,
    { credentials }: CallerOptions,
  ): Promise<EntityCampaign[]> {
    await this.authorizer.assertVisible(credentials, entityRef);
    return this.model.entityCampaigns(
      entityRef,
      await this.viewer(credentials),
    );
  }

  async create(
    input: unknown,
    { credentials }: CallerOptions,
  ): Promise<Campaign> {
    const actor = await this.authorizeWrite(credentials);
    return this.model.create(input, actor);
  }

  async update(
    id: string,
    changes: unknown,
    { credentials }: CallerOptions,
  ): Promise<Campaign> {
    const actor = await this.authorizeWrite(credentials);
    return this.model.update(id, changes, actor);
  }

  async setClosed(
    id: string,
    closed: boolean,
    { credentials }: CallerOptions,
  ): Promise<Campaign> {
    const actor = await this.authorizeWrite(credentials);
    return this.model.setClosed(id, closed, actor);
  }
}
