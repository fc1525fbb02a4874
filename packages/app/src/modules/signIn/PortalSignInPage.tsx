import { SignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { oidcAuthApiRef } from './oidcAuthApi';

const companySso = {
  id: 'oidc-auth-provider',
  title: 'Company SSO',
  message: 'Sign in with your company account',
  apiRef: oidcAuthApiRef,
};

type SignInChoice =
  | { providers: ['guest'] }
  | { auto: true; provider: typeof companySso };

/**
 * Guest sign-in while `auth.environment` is development (the embedded
 * default); only the company SSO anywhere else.
 */
export function signInChoiceFor(environment: string | undefined): SignInChoice {
  if ((environment ?? 'development') === 'development') {
    return { providers: ['guest'] };
  }
  return { auto: true, provider: companySso };
}

export function PortalSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  const choice = signInChoiceFor(
    configApi.getOptionalString('auth.environment'),
  );
  return <SignInPage {...props} {...choice} />;
}
