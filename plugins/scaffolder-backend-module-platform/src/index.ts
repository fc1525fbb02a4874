/**
 * Scaffolder actions of the platform: repositories, Terraform modules and
 * tenant namespaces.
 *
 * @packageDocumentation
 */
export {
  scaffolderModulePlatform as default,
  localRepositoryUrlReader,
} from './module';
export { createTerraformModuleAction } from './actions/terraformModule';
export { createKubernetesNamespaceAction } from './actions/kubernetesNamespace';
export { createRepoCreateAction } from './actions/repoCreate';
