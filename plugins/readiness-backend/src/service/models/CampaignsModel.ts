import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  isRecord,
  type Campaign,
  type CampaignCheckHelp,
  type CampaignDetail,
  type CampaignHistoryEvent,
  type CampaignInput,
  type CampaignProgressPoint,
  type CampaignsQuery,
  type CampaignSummary,
  type CampaignTeamProgress,
  type EntityCampaign,
  type LearnFromExemplar,
} from '@prodready/plugin-readiness-common';
import type {
  CampaignEntityEvaluation,
  CampaignEvaluationOptions,
  CampaignEvaluator,
} from '../../campaigns/CampaignEvaluator';
import type {
  CampaignsStore,
  StoredCampaign,
} from '../../campaigns/CampaignsStore';
import { campaignStatus, isoDay } from '../../campaigns/campaignStatus';
import { validateCampaignInput } from '../../campaigns/validateCampaignInput';
import type { ReadinessStore } from '../../database/ReadinessStore';
import type { ExemplarFinder } from '../../learnFrom/ExemplarFinder';
import type { PackIndex } from '../../pack/PackIndex';

/** Entities listed on a campaign's page; counts cover all of them. */
const MAX_LISTED_ENTITIES = 1000;
/** Checks of a level goal shown with exemplars, most failed first. */
const MAX_HELP_CHECKS = 10;
const INPUT_FIELDS: ReadonlyArray<keyof CampaignInput> = [
  'title',
  'description',
  'owner',
  'goal',
  'scope',
  'startsAt',
  'deadline',
];

/**
 * Options of {@link CampaignsModel}.
 *
 * @internal
 */
export interface CampaignsModelOptions {
  store: CampaignsStore;
  readiness: Pick<ReadinessStore, 'getOwners'>;
  pack: PackIndex;
  evaluator: CampaignEvaluator;
  exemplars: Pick<ExemplarFinder, 'find'>;
  /** Campaigns declared in app-config.yaml: listed, never changed. */
  configCampaigns: StoredCampaign[];
  /** Exemplars per campaign check. */
  learnFromLimit: number;
  /** Told of each campaign created (e.g. to notify the owners in scope). */
  onCreated?: (campaign: Campaign) => void;
  now?: () => Date;
}

/**
 * Who is looking: the caller's credentials and the entities it may read.
 *
 * @internal
 */
export type CampaignViewer = Omit<CampaignEvaluationOptions, 'owner'>;

/**
 * Campaigns from config and the database, with their progress counted on
 * what the viewer may see; creation, edits, closing and history of the
 * stored ones. Permissions are applied by the authorized service.
 *
 * @internal
 */
export class CampaignsModel {
  constructor(private readonly options: CampaignsModelOptions) {}

  private today(): string {
    return isoDay(this.options.now?.() ?? new Date());
  }

  private withStatus(campaign: StoredCampaign): Campaign {
    return { ...campaign, status: campaignStatus(campaign, this.today()) };
  }

  /** Every campaign, config ones first, then stored ones newest first. */
  async allCampaigns(): Promise<Campaign[]> {
    const stored = await this.options.store.listCampaigns();
    return [...this.options.configCampaigns, ...stored].map(c =>
      this.withStatus(c),
    );
  }

  private async find(id: string): Promise<Campaign> {
    const config = this.options.configCampaigns.find(c => c.id === id);
    const campaign = config ?? (await this.options.store.getCampaign(id));
    if (!campaign) {
      throw new NotFoundError(`No campaign ${id}`);
    }
    return this.withStatus(campaign);
  }

  /** The campaigns with their progress; with `owner`, those covering it. */
  async list(
    query: CampaignsQuery,
    viewer: CampaignViewer,
  ): Promise<CampaignSummary[]> {
    const campaigns = (await this.allCampaigns()).filter(
      c => !query.status || c.status === query.status,
    );
    const out: CampaignSummary[] = [];
    for (const campaign of campaigns) {
      const evaluations = await this.options.evaluator.evaluate(campaign, {
        ...viewer,
        owner: query.owner,
      });
      if (query.owner && evaluations.length === 0) {
        continue;
      }
      out.push({ ...campaign, progress: progressOf(evaluations) });
    }
    return out.sort(
      (a, b) =>
        b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
    );
  }

  /** A campaign's page: progress per team, entity and day, and help. */
  async get(id: string, viewer: CampaignViewer): Promise<CampaignDetail> {
    const campaign = await this.find(id);
    const evaluations = await this.options.evaluator.evaluate(campaign, viewer);
    const progress = progressOf(evaluations);
    return {
      campaign: { ...campaign, progress },
      teams: teamsOf(evaluations),
      entities: [...evaluations]
        .sort((a, b) => Number(a.done) - Number(b.done))
        .slice(0, MAX_LISTED_ENTITIES)
        .map(e => ({
          entity: e.entity,
          done: e.done,
          missingCheckIds: e.missingCheckIds,
        })),
      history: await this.history(campaign, progress, viewer),
      checks: await this.checkHelp(campaign, evaluations, viewer),
    };
  }

  /**
   * Stored daily points are counted over every entity: only a viewer who
   * may see every entity gets them. Today's point is always the live count.
   */
  private async history(
    campaign: Campaign,
    progress: CampaignSummary['progress'],
    viewer: CampaignViewer,
  ): Promise<CampaignProgressPoint[]> {
    const today = this.today();
    const stored =
      viewer.visible === undefined
        ? await this.options.store.listCampaignProgress(campaign.id)
        : [];
    const points = stored.filter(p => p.date !== today);
    if (campaign.startsAt <= today) {
      points.push({ date: today, ...progress });
    }
    return points;
  }

  private async checkHelp(
    campaign: Campaign,
    evaluations: CampaignEntityEvaluation[],
    viewer: CampaignViewer,
  ): Promise<CampaignCheckHelp[]> {
    const { pack, exemplars, readiness, learnFromLimit } = this.options;
    const failing = new Map<string, number>();
    for (const evaluation of evaluations) {
      for (const id of evaluation.missingCheckIds) {
        failing.set(id, (failing.get(id) ?? 0) + 1);
      }
    }
    const checkIds =
      campaign.goal.type === 'checks'
        ? campaign.goal.checkIds.filter(id => pack.hasCheck(id))
        : [...failing.keys()]
            .sort((a, b) => failing.get(b)! - failing.get(a)!)
            .slice(0, MAX_HELP_CHECKS);
    const found =
      learnFromLimit > 0 && checkIds.length > 0
        ? await exemplars.find({
            checkIds,
            entityRef: '',
            traits: [],
            limit: learnFromLimit,
            visibleEntityRefs: viewer.visible,
          })
        : [];
    const owners = await readiness.getOwners(
      found.map(e => e.entity.owner ?? '').filter(Boolean),
    );
    const byCheck = new Map<string, LearnFromExemplar[]>();
    for (const candidate of found) {
      const owner = candidate.entity.owner ?? '';
      const list = byCheck.get(candidate.checkId) ?? [];
      list.push({
        entity: candidate.entity,
        owner: owners.get(owner) ?? { ref: owner, contacts: [] },
        similarity: [],
        evidence: candidate.evidence,
      });
      byCheck.set(candidate.checkId, list);
    }
    return checkIds.map(checkId => ({
      checkId,
      title: pack.checkInfo(checkId)?.title ?? checkId,
      failing: failing.get(checkId) ?? 0,
      exemplars: byCheck.get(checkId) ?? [],
    }));
  }

  /** A campaign's changes, oldest first (none for config campaigns). */
  async listHistory(id: string): Promise<CampaignHistoryEvent[]> {
    const campaign = await this.find(id);
    return campaign.source === 'config'
      ? []
      : this.options.store.listCampaignHistory(id);
  }

  /** The open campaigns whose scope holds the entity, as it meets them. */
  async entityCampaigns(
    entityRef: string,
    viewer: CampaignViewer,
  ): Promise<EntityCampaign[]> {
    const out: EntityCampaign[] = [];
    for (const campaign of await this.allCampaigns()) {
      if (campaign.status === 'closed') {
        continue;
      }
      const [evaluation] = await this.options.evaluator.evaluate(campaign, {
        credentials: viewer.credentials,
        visible: [entityRef],
      });
      if (evaluation) {
        out.push({
          id: campaign.id,
          title: campaign.title,
          owner: campaign.owner,
          deadline: campaign.deadline,
          status: campaign.status,
          done: evaluation.done,
          missingCheckIds: evaluation.missingCheckIds,
        });
      }
    }
    return out.sort((a, b) => a.deadline.localeCompare(b.deadline));
  }

  /** Creates a campaign from validated input. */
  async create(input: unknown, actor: string): Promise<Campaign> {
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const valid = validateCampaignInput(input, {
      pack: this.options.pack,
      today: this.today(),
    });
    const campaign: StoredCampaign = {
      ...valid,
      id: randomUUID(),
      startsAt: valid.startsAt!,
      source: 'api',
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
    };
    await this.options.store.createCampaign(campaign, {
      at: now,
      actor,
      action: 'created',
    });
    const created = this.withStatus(campaign);
    this.options.onCreated?.(created);
    return created;
  }

  /** Edits a stored campaign; the changed fields go to its history. */
  async update(id: string, changes: unknown, actor: string): Promise<Campaign> {
    const current = await this.findEditable(id);
    if (!isRecord(changes)) {
      throw new InputError(`Invalid body: expected an object of changes`);
    }
    const merged = validateCampaignInput(
      { ...current, ...changes },
      { pack: this.options.pack, today: current.startsAt },
    );
    const changed: Partial<CampaignInput> = {};
    for (const field of INPUT_FIELDS) {
      if (
        field in changes &&
        JSON.stringify(merged[field]) !== JSON.stringify(current[field])
      ) {
        Object.assign(changed, { [field]: merged[field] });
      }
    }
    if (Object.keys(changed).length === 0) {
      return current;
    }
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const { status: _status, ...stored } = current;
    const { description: _description, ...withoutDescription } = stored;
    const next: StoredCampaign = {
      ...(merged.description === undefined ? withoutDescription : stored),
      ...merged,
      startsAt: merged.startsAt!,
      updatedAt: now,
    };
    await this.options.store.updateCampaign(next, {
      at: now,
      actor,
      action: 'updated',
      changes: changed,
    });
    return this.withStatus(next);
  }

  /** Closes or reopens a stored campaign (no change when already so). */
  async setClosed(
    id: string,
    closed: boolean,
    actor: string,
  ): Promise<Campaign> {
    const current = await this.findEditable(id);
    if (Boolean(current.closedAt) === closed) {
      return current;
    }
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const { status: _status, closedAt: _closedAt, ...rest } = current;
    const next: StoredCampaign = {
      ...rest,
      ...(closed && { closedAt: now }),
      updatedAt: now,
    };
    await this.options.store.updateCampaign(next, {
      at: now,
      actor,
      action: closed ? 'closed' : 'reopened',
    });
    return this.withStatus(next);
  }

  private async findEditable(id: string): Promise<Campaign> {
    const campaign = await this.find(id);
    if (campaign.source === 'config') {
      throw new ConflictError(
        `Campaign ${id} is declared in app-config.yaml (readiness.campaigns) and cannot be changed through the API; change it there`,
      );
    }
    return campaign;
  }
}

function progressOf(evaluations: CampaignEntityEvaluation[]) {
  return {
    entities: evaluations.length,
    done: evaluations.filter(e => e.done).length,
  };
}

/** Progress per owner, least done first. */
function teamsOf(
  evaluations: CampaignEntityEvaluation[],
): CampaignTeamProgress[] {
  const teams = new Map<string, CampaignTeamProgress>();
  for (const { entity, done } of evaluations) {
    if (!entity.owner) continue;
    const team = teams.get(entity.owner) ?? {
      owner: entity.owner,
      entities: 0,
      done: 0,
    };
    team.entities += 1;
    team.done += done ? 1 : 0;
    teams.set(entity.owner, team);
  }
  return [...teams.values()].sort(
    (a, b) =>
      a.done / a.entities - b.done / b.entities ||
      a.owner.localeCompare(b.owner),
  );
}
