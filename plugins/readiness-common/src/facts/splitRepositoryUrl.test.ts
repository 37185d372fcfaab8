import { splitRepositoryUrl } from './splitRepositoryUrl';

describe('splitRepositoryUrl', () => {
  it('splits GitHub, GitLab and Bitbucket subdirectory URLs', () => {
    expect(
      splitRepositoryUrl(
        'https://github.com/org/repo/tree/main/services/cart/',
      ),
    ).toEqual({
      root: 'https://github.com/org/repo/tree/main/',
      subdirectory: 'services/cart',
    });
    expect(
      splitRepositoryUrl('url:https://gitlab.com/g/r/-/tree/dev/apps/web'),
    ).toEqual({
      root: 'https://gitlab.com/g/r/-/tree/dev/',
      subdirectory: 'apps/web',
    });
    expect(
      splitRepositoryUrl('https://bitbucket.org/w/r/src/main/svc%20a/'),
    ).toEqual({
      root: 'https://bitbucket.org/w/r/src/main/',
      subdirectory: 'svc a',
    });
  });

  it('gives nothing for a root URL, an unknown shape or a path that climbs', () => {
    expect(
      splitRepositoryUrl('https://github.com/org/repo/tree/main/'),
    ).toBeUndefined();
    expect(splitRepositoryUrl('https://github.com/org/repo')).toBeUndefined();
    // `..` is resolved by the URL parser first: here into a root URL of ref b
    expect(
      splitRepositoryUrl('https://github.com/org/repo/tree/main/a/../../b/'),
    ).toBeUndefined();
    expect(splitRepositoryUrl('not a url')).toBeUndefined();
  });
});
