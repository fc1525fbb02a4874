export interface Config {
  /** Settings of the platform's scaffolder actions. */
  platform?: {
    /** Terraform modules rendered by platform:terraform:module. */
    terraform?: {
      /**
       * S3 bucket holding the Terraform state of every environment.
       * @defaultValue acme-terraform-state
       */
      stateBucket?: string;
      /**
       * AWS region of the state bucket and the default region of new modules.
       * @defaultValue eu-west-1
       */
      region?: string;
      /**
       * Version constraint of the hashicorp/aws provider.
       * @defaultValue ~> 5.0
       */
      awsProviderVersion?: string;
    };
    /** Repositories created by platform:repo:create. */
    repositories?: {
      /**
       * Organisation that CODEOWNERS entries name teams in (`@<organization>/<team>`).
       * @defaultValue acme
       */
      organization?: string;
      /** The local provider: bare git repositories on the backend's disk. */
      local?: {
        /**
         * Directory of the bare repositories and their checkouts; relative
         * paths are resolved from the backend's working directory.
         * @defaultValue <os temp dir>/platform-portal/repositories
         */
        directory?: string;
      };
      /**
       * The github provider: repositories in a GitHub organisation, with the
       * credentials of the `integrations.github` entry for the host.
       */
      github?: {
        /**
         * Host of the integrations.github entry to use.
         * @defaultValue github.com
         */
        host?: string;
        /**
         * Organisation the repositories are created in.
         * @defaultValue platform.repositories.organization
         */
        organization?: string;
      };
      /**
       * The gitlab provider: projects in a GitLab group (teams are its
       * subgroups), with the token of the `integrations.gitlab` entry for the host.
       */
      gitlab?: {
        /**
         * Host of the integrations.gitlab entry to use.
         * @defaultValue gitlab.com
         */
        host?: string;
        /**
         * Group the projects are created in.
         * @defaultValue platform.repositories.organization
         */
        group?: string;
      };
    };
    /** Tenant namespaces created by platform:kubernetes:namespace. */
    kubernetes?: {
      /** Prices the estimated monthly cost of a namespace quota is computed from. */
      unitPrices?: {
        /**
         * Price of one requested CPU core for an hour.
         * @defaultValue 0.031
         */
        cpuHour?: number;
        /**
         * Price of one requested GiB of memory for an hour.
         * @defaultValue 0.004
         */
        gibHour?: number;
        /**
         * ISO 4217 currency of the prices.
         * @defaultValue USD
         */
        currency?: string;
      };
    };
  };
}
