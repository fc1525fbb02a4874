/**
 * A small HCL writer that prints the way `terraform fmt` does: two-space
 * indentation, `=` aligned across consecutive single-line attributes, and
 * every user-supplied string escaped so it stays a literal.
 */

/** An expression already in HCL syntax, e.g. `var.team` or `true`. */
export type HclExpression = { hcl: string };

export type HclValue = string | number | boolean | HclExpression | HclObject;

/** An object constructor, printed one key per line. */
export type HclObject = { object: Array<[key: string, value: HclValue]> };

export type HclBlock = {
  type: string;
  labels?: string[];
  body: HclBodyItem[];
};

export type HclBodyItem =
  | { attribute: string; value: HclValue }
  | { block: HclBlock }
  | 'blank';

export const expr = (hcl: string): HclExpression => ({ hcl });
export const obj = (entries: Array<[string, HclValue]>): HclObject => ({
  object: entries,
});
export const attr = (attribute: string, value: HclValue): HclBodyItem => ({
  attribute,
  value,
});
export const block = (
  type: string,
  labels: string[],
  body: HclBodyItem[],
): HclBodyItem => ({ block: { type, labels, body } });

/**
 * Escapes a string for a quoted HCL template: quotes, backslashes and control
 * characters as escapes, and `${` / `%{` doubled so they are never evaluated
 * as interpolation or template directives.
 */
export function hclString(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  const literal = out
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${literal}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function renderKey(key: string): string {
  return IDENTIFIER.test(key) ? key : hclString(key);
}

function isMultiLine(value: HclValue): value is HclObject {
  return typeof value === 'object' && 'object' in value;
}

function renderValue(value: HclValue, indent: string): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if ('hcl' in value) return value.hcl;
  const lines = renderAligned(
    value.object.map(([key, v]) => ({ key: renderKey(key), value: v })),
    `${indent}  `,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** Attribute lines with `=` aligned, as terraform fmt aligns a run of them. */
function renderAligned(
  items: Array<{ key: string; value: HclValue }>,
  indent: string,
): string[] {
  const width = Math.max(
    ...items.filter(i => !isMultiLine(i.value)).map(i => i.key.length),
    0,
  );
  return items.map(({ key, value }) => {
    const padded = isMultiLine(value) ? key : key.padEnd(width);
    return `${indent}${padded} = ${renderValue(value, indent)}`;
  });
}

function renderBody(body: HclBodyItem[], indent: string): string[] {
  const lines: string[] = [];
  let run: Array<{ key: string; value: HclValue }> = [];
  const flush = () => {
    lines.push(...renderAligned(run, indent));
    run = [];
  };
  for (const item of body) {
    if (item === 'blank') {
      flush();
      lines.push('');
    } else if ('attribute' in item) {
      if (isMultiLine(item.value)) {
        // A multi-line value ends the alignment run, as in terraform fmt.
        flush();
        lines.push(
          ...renderAligned(
            [{ key: item.attribute, value: item.value }],
            indent,
          ),
        );
      } else {
        run.push({ key: item.attribute, value: item.value });
      }
    } else {
      flush();
      lines.push(...renderBlock(item.block, indent));
    }
  }
  flush();
  return lines;
}

function renderBlock(hclBlock: HclBlock, indent: string): string[] {
  const labels = (hclBlock.labels ?? []).map(label => ` ${hclString(label)}`);
  const header = `${indent}${hclBlock.type}${labels.join('')} {`;
  if (hclBlock.body.length === 0) {
    return [`${header}}`];
  }
  return [header, ...renderBody(hclBlock.body, `${indent}  `), `${indent}}`];
}

/** A whole .tf or .tfvars file: top-level items separated as given. */
export function renderFile(items: HclBodyItem[]): string {
  return `${renderBody(items, '').join('\n')}\n`;
}
