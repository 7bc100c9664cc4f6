/**
 * Platform-neutral views. Use cases return data; a view function turns it into these blocks; each
 * platform renders blocks its own way (terminal text, Slack Block Kit, Lark card JSON 2.0).
 *
 * Every text here is literal: names, notes, titles and reasons are users' words, so a view holds
 * no platform markup. Each renderer escapes every text for its platform (Slack: escapeSlack, Lark:
 * escapeMarkdown, terminal: terminalText) and adds its own formatting around it — a user's
 * `<!channel>` or `[label](url)` shows as typed and never mentions or links.
 */
export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'table'; columns: { label: string; align?: 'left' | 'right' }[]; rows: string[][] }
  | { type: 'context'; text: string }
  | { type: 'divider' }
  /** A row of buttons ("Log a visit", "Log a deal"). */
  | { type: 'actions'; buttons: Button[] }
  /** One line of a list with its own buttons (an entry with Edit / Delete); no buttons when locked. */
  | { type: 'item'; text: string; buttons: Button[] }
  /**
   * The full detail behind a message's short summary (the whole scorecard under a result): shown
   * folded where the platform can fold (a Lark collapsible panel), after a labelled divider elsewhere.
   */
  | { type: 'details'; summary: string; blocks: Block[] };

export interface Button {
  /** Names the action to the platform's click handler (Slack `action_id`), e.g. `entry.delete`. */
  id: string;
  label: string;
  /** Comes back with the click, e.g. `{"kind":"visit","id":"…"}` for an entry's buttons. */
  value: string;
  style?: 'primary' | 'danger';
  /** Ask before acting, in the user's language (destructive actions). */
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

/**
 * A decision's two buttons (approve / reject, accept / decline) on the decided record's id: the yes
 * button primary, the no button danger, as every decision message shows them.
 */
export const yesNoButtons = (value: string, yes: { id: string; label: string }, no: { id: string; label: string }): Button[] => [
  { ...yes, value, style: 'primary' },
  { ...no, value, style: 'danger' },
];

export interface View {
  title: string;
  blocks: Block[];
}
