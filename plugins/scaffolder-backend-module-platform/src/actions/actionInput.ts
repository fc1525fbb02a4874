import { InputError } from '@backstage/errors';
import yaml from 'yaml';
import { z } from 'zod/v3';

/** An action's input fields, in the form `createTemplateAction` takes. */
export type InputShape = Record<string, (zod: typeof z) => z.ZodTypeAny>;

export type ParsedInput<S extends InputShape> = {
  [K in keyof S]: z.output<ReturnType<S[K]>>;
};

/**
 * Validates an action's input against the action's own schema and applies
 * its defaults (the scaffolder checks the JSON Schema form, which loses both
 * the defaults and the rules' wording). Errors name every field that failed
 * and the rule it broke, before the action has done anything.
 */
export function parseActionInput<S extends InputShape>(
  shape: S,
  input: unknown,
): ParsedInput<S> {
  const schema = z.object(
    Object.fromEntries(
      Object.entries(shape).map(([field, define]) => [field, define(z)]),
    ),
  );
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(issue => `${issue.path.join('.') || 'input'}: ${issue.message}`)
        .join('; '),
    );
  }
  return result.data as ParsedInput<S>;
}

const ENVIRONMENT = /^[a-z][a-z0-9]{0,15}$/;

/** The environments an action provisions, the same rule for every action. */
export const environmentsInput = (zod: typeof z, description: string) =>
  zod
    .array(
      zod
        .string()
        .regex(
          ENVIRONMENT,
          'must be 1-16 lowercase letters or digits, starting with a letter',
        ),
    )
    .min(1)
    .default(['dev', 'staging', 'prod'])
    .describe(description);

/** A template snippet with one step running an action, for `examples`. */
export const exampleStep = (options: {
  description: string;
  action: string;
  name: string;
  input: Record<string, unknown>;
}) => ({
  description: options.description,
  example: yaml.stringify({
    steps: [
      {
        id: options.action.split(':').pop(),
        action: options.action,
        name: options.name,
        input: options.input,
      },
    ],
  }),
});
