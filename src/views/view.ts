/**
 * Platform-neutral views. Use cases return data; a view function turns it into these blocks; each
 * platform renders blocks its own way (terminal text, Slack Block Kit, Lark card JSON 2.0).
 */
export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'table'; columns: { label: string; align?: 'left' | 'right' }[]; rows: string[][] }
  | { type: 'context'; text: string }
  | { type: 'divider' };

export interface View {
  title: string;
  blocks: Block[];
}
