import {
  createTestFacts,
  testComponent,
} from '../../engine/__testUtils__/createTestFacts';
import { compileCheckPack } from '../../engine/compileCheckPack';
import { evaluateEntity } from '../../engine/evaluateEntity';
import { createCheckPack } from '../../pack/CheckPack';
import type { FactNamespace, LinksFacts } from '../../types';

const pack = compileCheckPack(createCheckPack());
const RUNBOOK = 'https://wiki.example.com/runbooks/payments';

function runbookResult(links?: FactNamespace<LinksFacts>) {
  const facts = createTestFacts({
    entity: testComponent({
      type: 'service',
      links: [{ url: RUNBOOK, title: 'Runbook', type: 'runbook' }],
    }),
    repository: { status: 'not-configured' },
    extra: links ? { links } : undefined,
  });
  return evaluateEntity(pack, facts).results.find(
    r => r.checkId === 'runbook.runbook',
  )!;
}

describe('verified links', () => {
  it('fails a dead runbook link with the status it got', () => {
    const result = runbookResult({
      status: 'ok',
      data: {
        checks: [
          { url: RUNBOOK, state: 'dead', status: 404, reason: 'HTTP 404' },
        ],
      },
    });
    expect(result.state).toBe('fail');
    expect(result.reason).toContain('runbook link "Runbook" is dead: HTTP 404');
  });

  it('upgrades a link that answered to observed evidence', () => {
    const result = runbookResult({
      status: 'ok',
      data: {
        checks: [
          { url: RUNBOOK, state: 'answered', status: 200, reason: 'HTTP 200' },
        ],
      },
    });
    expect(result.state).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      url: RUNBOOK,
      strength: 'observed',
      value: 'answered: HTTP 200',
    });
  });

  it('counts an unchecked link as declared, as without verification', () => {
    const unchecked = runbookResult({
      status: 'ok',
      data: {
        checks: [
          { url: RUNBOOK, state: 'unchecked', reason: 'host not allowed' },
        ],
      },
    });
    const off = runbookResult();
    expect(unchecked.state).toBe('pass');
    expect(off.state).toBe('pass');
    expect(unchecked.evidence[0].strength).not.toBe('observed');
    expect(off.evidence[0].strength).not.toBe('observed');
  });

  it('ignores verification that is unavailable', () => {
    const result = runbookResult({ status: 'unavailable', reason: 'down' });
    expect(result.state).toBe('pass');
  });
});
