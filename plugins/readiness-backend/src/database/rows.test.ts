/* eslint-disable no-script-url -- unsafe URLs are the test data here */
import { parseEvidence } from './rows';

describe('parseEvidence', () => {
  it('keeps http(s) links and drops any other URL, keeping the evidence as text', () => {
    const stored = JSON.stringify([
      { kind: 'link', label: 'Runbook', url: 'https://wiki.example.com/rb' },
      { kind: 'link', label: 'Dashboard', url: 'javascript:alert(1)' },
      { kind: 'link', label: 'Logs', url: ' JAVASCRIPT:alert(1)' },
      { kind: 'link', label: 'Data', url: 'data:text/html,<b>x</b>' },
      { kind: 'annotation', label: 'pagerduty.com/service-id', value: 'P1' },
    ]);
    expect(parseEvidence(stored)).toEqual([
      { kind: 'link', label: 'Runbook', url: 'https://wiki.example.com/rb' },
      { kind: 'link', label: 'Dashboard' },
      { kind: 'link', label: 'Logs' },
      { kind: 'link', label: 'Data' },
      { kind: 'annotation', label: 'pagerduty.com/service-id', value: 'P1' },
    ]);
  });

  it('keeps a valid strength and drops an invalid one', () => {
    const stored = JSON.stringify([
      { kind: 'file', label: 'Jenkinsfile', strength: 'observed' },
      { kind: 'annotation', label: 'a', value: 'x', strength: 'declared' },
      { kind: 'link', label: 'link "JIRA"', strength: 'hint' },
      { kind: 'link', label: 'b', strength: 'certain' },
      { kind: 'link', label: 'c', strength: 3 },
    ]);
    expect(parseEvidence(stored)).toEqual([
      { kind: 'file', label: 'Jenkinsfile', strength: 'observed' },
      { kind: 'annotation', label: 'a', value: 'x', strength: 'declared' },
      { kind: 'link', label: 'link "JIRA"', strength: 'hint' },
      { kind: 'link', label: 'b' },
      { kind: 'link', label: 'c' },
    ]);
  });

  it('reads nothing from an empty, unreadable or malformed column', () => {
    expect(parseEvidence(null)).toEqual([]);
    expect(parseEvidence('not json')).toEqual([]);
    expect(parseEvidence('{"kind":"link"}')).toEqual([]);
    expect(parseEvidence('[1, "x", {"kind":"file","label":"a"}]')).toEqual([
      { kind: 'file', label: 'a' },
    ]);
  });
});
