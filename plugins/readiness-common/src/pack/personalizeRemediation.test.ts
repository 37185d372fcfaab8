import { defaultChecks } from './defaultChecks';
import { personalizeRemediation } from './personalizeRemediation';

function remediationOf(checkId: string): string {
  const check = defaultChecks.find(c => c.id === checkId);
  if (!check) {
    throw new Error(`no check ${checkId}`);
  }
  return check.remediation.markdown;
}

const subject = {
  name: 'orders',
  namespace: 'shop',
  ownerRef: 'group:shop/checkout',
  system: 'storefront',
};

describe('personalizeRemediation', () => {
  it('names the entity, not the example service, in every default snippet', () => {
    for (const check of defaultChecks) {
      const text = personalizeRemediation(check.remediation.markdown, subject);
      const code = (text.match(/```[\s\S]*?```/g) ?? []).join('\n');
      expect(code).not.toContain('payments-api');
    }
  });

  it('names the entity and its namespace in a metadata fragment', () => {
    const text = personalizeRemediation(
      remediationOf('runbook.runbook'),
      subject,
    );
    expect(text).toContain(
      'metadata:\n  name: orders\n  namespace: shop\n  links:',
    );
    expect(text).toContain('https://wiki.example.com/runbooks/orders');
  });

  it('leaves the default namespace out', () => {
    const text = personalizeRemediation(remediationOf('logging.logs'), {
      name: 'orders',
    });
    expect(text).toContain('metadata:\n  name: orders\n  links:');
  });

  it('names the owner and the system', () => {
    expect(
      personalizeRemediation(
        remediationOf('ownership.owner-resolves'),
        subject,
      ),
    ).toContain('owner: group:shop/checkout');
    const contact = personalizeRemediation(
      remediationOf('ownership.contact'),
      subject,
    );
    expect(contact).toContain('name: checkout');
    expect(contact).toContain('email: checkout@example.com');
    expect(
      personalizeRemediation(remediationOf('ownership.system'), subject),
    ).toContain('system: storefront');
  });

  it('keeps the prose as written', () => {
    const markdown =
      'Like payments-api does:\n\n```yaml\nname: payments-api\n```\n';
    expect(personalizeRemediation(markdown, subject)).toBe(
      'Like payments-api does:\n\n```yaml\nname: orders\n```\n',
    );
  });
});
