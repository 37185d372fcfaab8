import { parseEntityRefParam } from './parseEntityRefParam';

describe('parseEntityRefParam', () => {
  it('returns the canonical ref of path parts and of full or short refs', () => {
    expect(
      parseEntityRefParam('entity reference', {
        kind: 'Component',
        namespace: 'Default',
        name: 'Payments-API',
      }),
    ).toBe('component:default/payments-api');
    expect(parseEntityRefParam('entityRef', 'api:team-a/secret.v2')).toBe(
      'api:team-a/secret.v2',
    );
    expect(
      parseEntityRefParam('owner', 'payments', {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toBe('group:default/payments');
  });

  it.each([
    [
      { kind: '..', namespace: 'default', name: 'a' },
      "Invalid kind '..' in entity reference",
    ],
    [
      { kind: 'component', namespace: '..', name: 'a' },
      "Invalid namespace '..' in entity reference",
    ],
    [
      { kind: 'component', namespace: 'default', name: '..' },
      "Invalid name '..' in entity reference",
    ],
    [
      { kind: 'a/b', namespace: 'default', name: 'a' },
      "Invalid kind 'a/b' in entity reference",
    ],
    [
      { kind: 'component', namespace: 'default', name: 'a\u0000b' },
      "Invalid name 'a\\u0000b' in entity reference",
    ],
    [
      { kind: 'component', namespace: 'default', name: 'a\nb' },
      "Invalid name 'a\\u000ab' in entity reference",
    ],
    [
      { kind: 'component', namespace: 'default', name: 'x'.repeat(64) },
      'Invalid name',
    ],
  ])('refuses path parts %j naming the part', (parts, message) => {
    expect(() => parseEntityRefParam('entity reference', parts)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });

  it.each([
    ['component:', "Invalid entityRef 'component:': not an entity reference"],
    [
      'component:../x',
      "Invalid entityRef 'component:../x': Invalid namespace '..'",
    ],
    ['component:default/.hidden', "Invalid name '.hidden'"],
    ['group:default/a\u0000', "Invalid entityRef 'group:default/a\\u0000'"],
  ])('refuses the ref %j naming the parameter', (ref, message) => {
    expect(() => parseEntityRefParam('entityRef', ref)).toThrow(message);
  });
});
