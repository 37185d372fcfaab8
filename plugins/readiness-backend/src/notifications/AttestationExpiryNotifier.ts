import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { AttestationsStore } from '../attestations/AttestationsStore';
import type { PackIndex } from '../pack/PackIndex';

/**
 * Options of {@link AttestationExpiryNotifier.create}.
 *
 * @public
 */
export interface AttestationExpiryNotifierOptions {
  notifications: Pick<NotificationService, 'send'>;
  store: AttestationsStore;
  pack: PackIndex;
  logger: LoggerService;
  /** The owner ref of an entity (from the catalog), or undefined. */
  resolveOwner(entityRef: string): Promise<string | undefined>;
  /** How long before expiry owners are told; default 30 days. */
  noticeDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tells owning teams, through Backstage notifications, that an attestation
 * of theirs expires within 30 days (once per attestation): after expiry the
 * attested check fails.
 *
 * @public
 */
export class AttestationExpiryNotifier {
  /** Creates the notifier. */
  static create(
    options: AttestationExpiryNotifierOptions,
  ): AttestationExpiryNotifier {
    return new AttestationExpiryNotifier(options);
  }

  private constructor(
    private readonly options: AttestationExpiryNotifierOptions,
  ) {}

  /** Notifies the owners of attestations expiring soon; returns how many. */
  async notifyExpiring(now: Date): Promise<number> {
    const { store, pack, logger, notifications } = this.options;
    const days = this.options.noticeDays ?? 30;
    const expiring = await store.listExpiringAttestations(
      now,
      new Date(now.getTime() + days * DAY_MS),
    );
    const notified: string[] = [];
    for (const attestation of expiring) {
      try {
        const owner = await this.options.resolveOwner(attestation.entityRef);
        if (!owner) {
          continue;
        }
        const ref = parseEntityRef(attestation.entityRef);
        const title =
          pack.checkInfo(attestation.checkId)?.title ?? attestation.checkId;
        const on = attestation.expiresAt.slice(0, 10);
        await notifications.send({
          recipients: { type: 'entity', entityRef: owner },
          payload: {
            title: `${title} of ${ref.name} expires on ${on}`,
            description: `The attestation recorded by ${attestation.author} expires on ${on}; then the check fails. Record a new one with fresh evidence on the Readiness tab.`,
            link: `/catalog/${ref.namespace}/${ref.kind}/${ref.name}/readiness`,
            severity: 'normal',
            topic: 'Production readiness',
            scope: `readiness-attestation:${attestation.id}`,
          },
        });
        notified.push(attestation.id);
      } catch (error) {
        logger.warn(
          `Could not notify the owner of ${
            attestation.entityRef
          } of an expiring attestation: ${(error as Error).message}`,
        );
      }
    }
    await store.markAttestationsNotified(notified, now);
    return notified.length;
  }
}
