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
  };
}
