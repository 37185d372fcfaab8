import fs from 'node:fs/promises';
import path from 'node:path';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CliContext } from '../CliContext';
import { EXIT_CODES } from '../exitCodes';
import { formatCatalogProblem } from '../files/CatalogProblem';
import { readInput } from '../files/readInput';
import { addExemplars, gapKey } from '../learn/addExemplars';
import { loadCheckPack } from '../pack/loadCheckPack';
import { applyFixes, EntityEdits } from '../fix/applyFixes';
import { editsFromExemplar, editsFromRemediation } from '../fix/planFixes';
import { assertKnownCheck } from '../report/evaluateGate';
import { scoreCatalog } from '../report/scoreCatalog';

/**
 * The options of `readiness fix`, as Commander parses them.
 *
 * @public
 */
export interface FixCommandOptions {
  write: string;
  check: string[];
  entity?: string;
  backend?: string;
  config: string[];
  repo?: string;
}

/**
 * Runs `readiness fix --write FILE --check ID…`: scores the file, and for
 * each entity of it failing a chosen check, adds to the file what would
 * pass it, copying the shape of an exemplar from `--backend` (or the pack's
 * remediation snippet offline), with `<FILL-ME: …>` placeholders that pass
 * no check until filled. Comments and formatting are kept.
 *
 * @public
 */
export async function runFixCommand(
  options: FixCommandOptions,
  context: CliContext,
): Promise<number> {
  const { cwd } = context;
  if (options.check.length === 0) {
    throw new InputError(
      'readiness fix needs --check with the check ids to fix, e.g. --check runbook.runbook',
    );
  }
  const loadPack = context.loadPack ?? loadCheckPack;
  const pack = await loadPack(options.config, cwd);
  for (const checkId of options.check) {
    assertKnownCheck(pack, checkId, '--check');
  }
  const entityRef = options.entity
    ? (() => {
        try {
          return parseEntityRef(options.entity, {
            defaultKind: 'component',
            defaultNamespace: 'default',
          });
        } catch {
          throw new InputError(
            `Invalid entity ref "${options.entity}" for --entity; expected e.g. component:default/payments-api`,
          );
        }
      })()
    : undefined;

  const input = await readInput(
    [options.write],
    { context: [], followLocations: false },
    cwd,
  );
  const errors = input.problems.filter(p => p.severity === 'error');
  for (const problem of input.problems) {
    context.stderr.write(`${formatCatalogProblem(problem)}\n`);
  }
  if (errors.length > 0) {
    context.stderr.write(
      `readiness: ${options.write} must be read without errors before it is changed\n`,
    );
    return EXIT_CODES.badInput;
  }
  const report = await scoreCatalog({
    entities: input.entities,
    pack,
    repository: options.repo ? path.resolve(cwd, options.repo) : undefined,
    cwd,
    gate: {},
    now: context.now,
  });
  if (options.backend) {
    await addExemplars(report, {
      baseUrl: options.backend,
      token: context.env.READINESS_TOKEN,
      fetch: context.fetch,
      warn: text => context.stderr.write(`readiness: ${text}\n`),
      perGap: 1,
    });
  }

  const targets: EntityEdits[] = [];
  const nothing: string[] = [];
  for (const entity of report.entities) {
    const ref = parseEntityRef(entity.entityRef);
    if (
      entityRef &&
      (entityRef.kind.toLocaleLowerCase('en-US') !== ref.kind ||
        entityRef.namespace !== ref.namespace ||
        entityRef.name !== ref.name)
    ) {
      continue;
    }
    const kind = entity.scorecard.results;
    const edits = options.check.flatMap(checkId => {
      const result = kind.find(r => r.checkId === checkId);
      if (result?.state !== 'fail') {
        nothing.push(
          `${entity.entityRef}: ${checkId} is ${
            result?.state ?? 'not scored'
          }, nothing to fix`,
        );
        return [];
      }
      const exemplar = report.exemplars?.get(
        gapKey(entity.entityRef, checkId),
      )?.[0];
      if (exemplar && exemplar.evidence.length > 0) {
        return editsFromExemplar(checkId, exemplar);
      }
      return editsFromRemediation(pack.checks.find(c => c.id === checkId)!);
    });
    if (edits.length > 0) {
      const original = input.entities.find(
        e => e.entityRef === entity.entityRef,
      )!.entity;
      targets.push({
        kind: original.kind,
        name: original.metadata.name,
        namespace: original.metadata.namespace,
        edits,
      });
    }
  }

  const file = path.resolve(cwd, options.write);
  const text = await fs.readFile(file, 'utf8');
  const applied = applyFixes(text, targets);
  if (applied.written.length > 0) {
    await fs.writeFile(file, applied.text);
  }
  const lines = [
    ...applied.written.map(line => `added ${line}`),
    ...applied.skipped.map(line => `note: ${line}`),
    ...nothing.map(line => `note: ${line}`),
  ];
  if (applied.written.length > 0) {
    lines.push(
      `${options.write}: fill in every <FILL-ME: …> value; until then the checks keep failing.`,
    );
  } else {
    lines.push(`${options.write}: nothing written.`);
  }
  context.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_CODES.ok;
}
