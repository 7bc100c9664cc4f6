import type { LogInput } from '../application/interviews/log-interview.js';

const FIELD_RE = /^\s*(notes?|view|goal|记录|看法|目标)\s*[:：]\s*(.*)$/i;
const FIELD_OF: Record<string, 'notes' | 'view' | 'goal'> = { note: 'notes', notes: 'notes', 记录: 'notes', view: 'view', 看法: 'view', goal: 'goal', 目标: 'goal' };

/** `notes: …` / `view: …` / `goal: <text> [by YYYY-MM-DD]` lines; an unlabelled line continues the one before. */
export function parseLogLines(lines: readonly string[]): Pick<LogInput, 'notes' | 'repView' | 'goals'> {
  const notes: string[] = [];
  const view: string[] = [];
  const goals: LogInput['goals'] = [];
  let current: 'notes' | 'view' | 'goal' = 'notes';
  for (const raw of lines) {
    const m = FIELD_RE.exec(raw);
    const text = (m ? m[2]! : raw).trim();
    if (m) current = FIELD_OF[m[1]!.toLowerCase()]!;
    else if (!text) continue;
    if (current === 'goal') {
      if (!m) {
        // A continued goal line belongs to the goal before it.
        const prev = goals.at(-1);
        if (prev) prev.text = `${prev.text} ${text}`;
        continue;
      }
      const by = /^(.*?)\s+(?:by|截止)\s+(\S+)$/i.exec(text);
      goals.push(by ? { text: by[1]!.trim(), due: by[2]!, line: raw.trim() } : { text, line: raw.trim() });
    } else (current === 'notes' ? notes : view).push(text);
  }
  return { notes: notes.join('\n'), repView: view.join('\n'), goals };
}
