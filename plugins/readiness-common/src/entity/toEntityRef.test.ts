import { toEntityRef } from './toEntityRef';

const defaults = { defaultKind: 'group', defaultNamespace: 'default' };

describe('toEntityRef', () => {
  it.each([
    ['payments', 'group:default/payments'],
    ['group:payments', 'group:default/payments'],
    ['user:ops/alice', 'user:ops/alice'],
    ['  payments  ', 'group:default/payments'],
  ])('reads %j as %s', (value, ref) => {
    expect(toEntityRef(value, defaults)).toBe(ref);
  });

  it.each([[undefined], [''], ['   '], [42], [{}], ['group:'], ['group:ns/']])(
    'gives undefined for %j',
    value => {
      expect(toEntityRef(value, defaults)).toBeUndefined();
    },
  );
});
