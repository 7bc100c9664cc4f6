import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueText } from '../../src/views/errors.js';

/**
 * Field problems are written once, in English, next to the rule (zod schemas, use cases); the
 * views translate them. This test collects every fixed field message a user can meet and fails
 * when one has no Chinese translation.
 */
const root = path.resolve(import.meta.dirname, '../../src');
const sources = [
  'domain/model/fields.ts',
  'domain/model/entries.ts',
  'domain/model/people.ts',
  'domain/model/accounts.ts',
  'domain/period.ts',
  ...fs.readdirSync(path.join(root, 'application'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => `application/${f}`),
  'views/forms/fields.ts',
];

const FIELD_MESSAGE = /(?:message: |\.(?:min|max|int|positive|refine|regex)\([^,()]*, )'([a-z][^'$]*)'/g;

function fieldMessages(): string[] {
  const out = new Set<string>();
  for (const file of sources) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(FIELD_MESSAGE)) out.add(m[1]!);
  }
  return [...out].sort();
}

describe('field messages', () => {
  const messages = fieldMessages();

  it('finds the messages it checks', () => {
    expect(messages).toContain('must be 1 to 5');
    expect(messages).toContain('must not be in the future');
    expect(messages.length).toBeGreaterThan(15);
  });

  it.each(messages)('"%s" has a Chinese translation', (message) => {
    const zh = issueText('zh-CN', message);
    expect(zh).not.toBe(message);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
