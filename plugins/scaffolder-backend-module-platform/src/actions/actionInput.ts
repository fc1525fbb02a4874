import { InputError } from '@backstage/errors';
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
