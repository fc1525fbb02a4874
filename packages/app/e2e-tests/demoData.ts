import { readFileSync, readdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { parseAllDocuments } from 'yaml';

// What the tests expect on screen comes from the files the portal loads.
const repoRoot = resolvePath(__dirname, '../../..');

type Entity = {
  kind: string;
  metadata: { name: string; title?: string };
  spec?: any;
};

function readEntities(file: string): Entity[] {
  return parseAllDocuments(
    readFileSync(resolvePath(repoRoot, file), 'utf8'),
  ).map(doc => doc.toJS());
}

export const demoComponents = readEntities('examples/entities.yaml').filter(
  entity => entity.kind === 'Component',
);

export function membersOf(team: string): string[] {
  return readEntities('examples/org.yaml')
    .filter(e => e.kind === 'User' && e.spec.memberOf.includes(team))
    .map(user => user.spec.profile.displayName);
}

export const templateTitles = readdirSync(resolvePath(repoRoot, 'templates'))
  .map(dir => readEntities(`templates/${dir}/template.yaml`)[0])
  .map(template => template.metadata.title ?? template.metadata.name);

/** The first sentence of a docs page, as mkdocs renders it. */
export function firstParagraphOf(markdownFile: string): string {
  const markdown = readFileSync(resolvePath(repoRoot, markdownFile), 'utf8');
  const paragraph = markdown
    .split('\n\n')
    .find(block => block.trim() && !block.startsWith('#'))!;
  return paragraph
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\s+/g, ' ')
    .split('. ')[0];
}
