import { oneLineFix } from './oneLineFix';

describe('oneLineFix', () => {
  it('keeps the first sentence as plain text', () => {
    expect(
      oneLineFix(
        'Set `spec.owner` to a **Group** that exists in the catalog. Then register it.\n\n```yaml\nspec: {}\n```',
      ),
    ).toBe('Set spec.owner to a Group that exists in the catalog.');
  });

  it('turns a sentence that introduces a snippet into a full stop', () => {
    expect(
      oneLineFix('Link the runbook (link `type: runbook`):\n\n```yaml\n```'),
    ).toBe('Link the runbook (link type: runbook).');
  });

  it('does not end a sentence at an abbreviation', () => {
    expect(
      oneLineFix('Export metrics with the service name, e.g. in Prometheus:'),
    ).toBe('Export metrics with the service name, e.g. in Prometheus.');
  });

  it('keeps link text and drops the URL', () => {
    expect(
      oneLineFix('Follow [the guide](https://docs.example.com/guide) now.'),
    ).toBe('Follow the guide now.');
  });

  it('cuts a very long line with an ellipsis', () => {
    const line = oneLineFix(`${'word '.repeat(100)}end.`);
    expect(line.length).toBeLessThanOrEqual(180);
    expect(line.endsWith('…')).toBe(true);
  });

  it('answers an empty text with an empty line', () => {
    expect(oneLineFix('')).toBe('');
  });
});
