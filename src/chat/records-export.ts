import type { AppDeps } from '../application/deps.js';
import type { Person } from '../domain/model/people.js';
import { textView, type ChatAnswer, type ChatRequest } from './request.js';

/**
 * `/export results <period>` (CSV and XLSX files) and `/audit [@rep] [period]` (HR).
 * TODO(issue 6, exports): not built yet.
 */
export async function exportAnswer(_deps: AppDeps, _actor: Person, _req: ChatRequest): Promise<ChatAnswer> {
  return { view: textView('/export is not available yet.') };
}

export async function auditAnswer(_deps: AppDeps, _actor: Person, _req: ChatRequest): Promise<ChatAnswer> {
  return { view: textView('/audit is not available yet.') };
}
