/**
 * Types and permissions shared by the cost and tenancy plugins.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './types';
export * from './csv';
