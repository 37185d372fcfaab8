import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  CampaignGoal,
  CampaignHistoryEvent,
  CampaignProgress,
  CampaignProgressPoint,
  CampaignScope,
} from '@prodready/plugin-readiness-common';
import type { Knex } from 'knex';
import { chunk, INSERT_CHUNK } from '../database/sql';
import type {
  CampaignNotificationKind,
  CampaignsStore,
  StoredCampaign,
} from './CampaignsStore';

/** A row of `campaigns`. */
interface CampaignRow {
  id: string;
  title: string;
  description: string | null;
  owner: string;
  goal: string;
  scope: string;
  starts_at: string;
  deadline: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  closed_at: string | null;
}

/** A row of `campaign_history`. */
interface CampaignHistoryRow {
  campaign_id: string;
  at: string;
  actor: string | null;
  action: CampaignHistoryEvent['action'];
  changes: string | null;
}

function toRow(campaign: StoredCampaign): CampaignRow {
  return {
    id: campaign.id,
    title: campaign.title,
    description: campaign.description ?? null,
    owner: campaign.owner,
    goal: JSON.stringify(campaign.goal),
    scope: JSON.stringify(campaign.scope),
    starts_at: campaign.startsAt,
    deadline: campaign.deadline,
    created_at: campaign.createdAt,
    created_by: campaign.createdBy ?? null,
    updated_at: campaign.updatedAt,
    closed_at: campaign.closedAt ?? null,
  };
}

function toCampaign(row: CampaignRow): StoredCampaign {
  return {
    id: row.id,
    title: row.title,
    ...(row.description !== null && { description: row.description }),
    owner: row.owner,
    goal: JSON.parse(row.goal) as CampaignGoal,
    scope: JSON.parse(row.scope) as CampaignScope,
    startsAt: row.starts_at,
    deadline: row.deadline,
    source: 'api',
    createdAt: row.created_at,
    ...(row.created_by !== null && { createdBy: row.created_by }),
    updatedAt: row.updated_at,
    ...(row.closed_at !== null && { closedAt: row.closed_at }),
  };
}

function toHistoryRow(
  id: string,
  event: CampaignHistoryEvent,
): CampaignHistoryRow {
  return {
    campaign_id: id,
    at: event.at,
    actor: event.actor ?? null,
    action: event.action,
    changes: event.changes ? JSON.stringify(event.changes) : null,
  };
}

/**
 * The {@link CampaignsStore} on the plugin's database (tables `campaigns`,
 * `campaign_history`, `campaign_progress` and `campaign_notifications`,
 * created by the plugin's migrations, which `DatabaseReadinessStore.create`
 * runs).
 *
 * @internal
 */
export class DatabaseCampaignsStore implements CampaignsStore {
  /** Creates the store on the plugin's database. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCampaignsStore> {
    return new DatabaseCampaignsStore(await options.database.getClient());
  }

  /** Creates the store on a knex client, for tests and tooling. */
  static fromKnex(db: Knex): DatabaseCampaignsStore {
    return new DatabaseCampaignsStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async createCampaign(
    campaign: StoredCampaign,
    event: CampaignHistoryEvent,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('campaigns').insert(toRow(campaign));
      await tx('campaign_history').insert(toHistoryRow(campaign.id, event));
    });
  }

  async updateCampaign(
    campaign: StoredCampaign,
    event: CampaignHistoryEvent,
  ): Promise<void> {
    const { id, ...fields } = toRow(campaign);
    await this.db.transaction(async tx => {
      await tx('campaigns').where('id', id).update(fields);
      await tx('campaign_history').insert(toHistoryRow(id, event));
    });
  }

  async getCampaign(id: string): Promise<StoredCampaign | undefined> {
    const row: CampaignRow | undefined = await this.db('campaigns')
      .where('id', id)
      .first();
    return row ? toCampaign(row) : undefined;
  }

  async listCampaigns(): Promise<StoredCampaign[]> {
    const rows: CampaignRow[] = await this.db('campaigns').orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toCampaign);
  }

  async listCampaignHistory(id: string): Promise<CampaignHistoryEvent[]> {
    const rows: CampaignHistoryRow[] = await this.db('campaign_history')
      .where('campaign_id', id)
      .orderBy('id', 'asc');
    return rows.map(row => ({
      at: row.at,
      ...(row.actor !== null && { actor: row.actor }),
      action: row.action,
      ...(row.changes !== null && { changes: JSON.parse(row.changes) }),
    }));
  }

  async saveCampaignProgress(
    id: string,
    day: string,
    progress: CampaignProgress,
  ): Promise<void> {
    await this.db('campaign_progress')
      .insert({
        campaign_id: id,
        day,
        entities: progress.entities,
        done: progress.done,
      })
      .onConflict(['campaign_id', 'day'])
      .merge(['entities', 'done']);
  }

  async listCampaignProgress(id: string): Promise<CampaignProgressPoint[]> {
    const rows: Array<{ day: string; entities: number; done: number }> =
      await this.db('campaign_progress')
        .select('day', 'entities', 'done')
        .where('campaign_id', id)
        .orderBy('day', 'asc');
    return rows.map(row => ({
      date: row.day,
      entities: Number(row.entities),
      done: Number(row.done),
    }));
  }

  async claimCampaignNotifications(
    id: string,
    kind: CampaignNotificationKind,
    subjects: string[],
    at: Date,
  ): Promise<string[]> {
    const claimed: string[] = [];
    for (const part of chunk([...new Set(subjects)], INSERT_CHUNK)) {
      const taken = new Set(
        (
          await this.db('campaign_notifications')
            .select('subject')
            .where({ campaign_id: id, kind })
            .whereIn('subject', part)
        ).map((row: { subject: string }) => row.subject),
      );
      for (const subject of part.filter(s => !taken.has(s))) {
        if (await this.claimOne(id, kind, subject, at)) {
          claimed.push(subject);
        }
      }
    }
    return claimed;
  }

  async hasCampaignNotifications(
    id: string,
    kind: CampaignNotificationKind,
  ): Promise<boolean> {
    const row = await this.db('campaign_notifications')
      .select('subject')
      .where({ campaign_id: id, kind })
      .first();
    return row !== undefined;
  }

  /**
   * Inserts one claim. The primary key lets one replica win a race: the
   * others' inserts fail, and the row they then find tells them to skip.
   */
  private async claimOne(
    id: string,
    kind: CampaignNotificationKind,
    subject: string,
    at: Date,
  ): Promise<boolean> {
    try {
      await this.db('campaign_notifications').insert({
        campaign_id: id,
        kind,
        subject,
        notified_at: at.toISOString(),
      });
      return true;
    } catch (error) {
      const existing = await this.db('campaign_notifications')
        .where({ campaign_id: id, kind, subject })
        .first();
      if (existing) {
        return false;
      }
      throw error;
    }
  }
}
