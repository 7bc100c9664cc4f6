import type { FormValues } from '../../views/forms/form.js';

/** The form's values as the lines `/interview log` reads (`notes: …`, `view: …`, `goal: …`). */
export function interviewFormLines(values: FormValues): string[] {
  const lines: string[] = [];
  const notes = values.notes?.trim();
  const view = values.view?.trim();
  if (notes) lines.push(`notes: ${notes.replace(/\n/g, ' ')}`);
  if (view) lines.push(`view: ${view.replace(/\n/g, ' ')}`);
  for (const goal of (values.goals ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) lines.push(`goal: ${goal}`);
  return lines;
}
