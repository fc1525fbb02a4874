import { signInChoiceFor } from './PortalSignInPage';

describe('signInChoiceFor', () => {
  it('offers guest sign-in on the embedded defaults', () => {
    expect(signInChoiceFor(undefined)).toEqual({ providers: ['guest'] });
    expect(signInChoiceFor('development')).toEqual({ providers: ['guest'] });
  });

  it('offers only the company SSO, never guest, in production', () => {
    const choice = signInChoiceFor('production');

    expect(choice).not.toHaveProperty('providers');
    expect(choice).toMatchObject({
      auto: true,
      provider: { id: 'oidc-auth-provider', title: 'Company SSO' },
    });
  });
});
