import { Readable } from 'node:stream';
import { startTestBackend } from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import type { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchModuleReadinessCollator } from '../module';
import type { ReadinessDocument } from '../collator/ReadinessDocument';
import { createFakeReadinessBackend } from './createFakeReadinessBackend';
import { testEntities, testPack } from './fixtures';

async function readAll(stream: Readable): Promise<ReadinessDocument[]> {
  const documents: ReadinessDocument[] = [];
  for await (const document of stream) {
    documents.push(document);
  }
  return documents;
}

/**
 * Starts a test backend with the module and a fake readiness backend, runs
 * the registered collator once and returns its documents and the calls made.
 */
export async function collateWithFakeBackend(options: {
  supportsIncludeFailing: boolean;
  vanished?: string[];
  broken?: string[];
}) {
  const fake = createFakeReadinessBackend({
    pack: testPack,
    entities: testEntities,
    ...options,
  });
  const collators: RegisterCollatorParameters[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        searchIndexRegistryExtensionPoint,
        {
          addCollator: collator => collators.push(collator),
          addDecorator: () => {},
        },
      ],
    ],
    features: [searchModuleReadinessCollator, fake.plugin],
  });
  try {
    if (collators.length !== 1) {
      throw new Error(`expected one collator, got ${collators.length}`);
    }
    const documents = await readAll(await collators[0].factory.getCollator());
    return { documents, calls: fake.calls, factory: collators[0].factory };
  } finally {
    await backend.stop();
  }
}
