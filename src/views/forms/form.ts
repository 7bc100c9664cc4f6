import type { Locale } from '../../domain/model/fields.js';

/**
 * Platform-neutral forms. A command that opens a form returns one of these; Slack renders it as a
 * modal, Lark as a card with a form container, the console as prompts. What comes back is a flat
 * map of field id → string (or string[] for multi-selects); each form has a reader (in the
 * conversation, chat/forms/) that turns it into the use case's input. Field ids are the input's field names, so an error's path points at
 * the field to highlight.
 */
export interface Option {
  value: string;
  label: string;
}

interface FieldBase {
  id: string;
  label: string;
  optional?: boolean;
  hint?: string;
  /**
   * Asked only while this other field is empty (a new account's name and tier, once an existing
   * account was chosen, do not apply). A platform that asks one question at a time (the console)
   * skips it; a form shown whole shows it with its hint.
   */
  onlyWithout?: string;
}

export type Field =
  | (FieldBase & { type: 'text'; multiline?: boolean; placeholder?: string; initial?: string; maxLength?: number })
  | (FieldBase & { type: 'number'; decimal: boolean; min?: number; max?: number; initial?: number })
  | (FieldBase & { type: 'date'; initial?: string })
  | (FieldBase & { type: 'select'; options: Option[]; initial?: string })
  /** Options come from a search as the user types (Slack external_select, Lark search). */
  | (FieldBase & { type: 'search'; source: 'accounts'; initial?: Option; minQueryLength: number });

export type FormId = 'visit' | 'deal' | 'payment' | 'feedback' | 'intel' | 'peer-review' | 'interview' | 'appeal-decision';

export interface Form {
  id: FormId;
  title: string;
  submitLabel: string;
  fields: Field[];
  /** Shown above the fields (e.g. "Your visits this quarter: 12 of 36"). */
  intro?: string;
}

export type FormValues = Readonly<Record<string, string | undefined>>;

export interface FormContext {
  locale: Locale;
  today: string;
  baseCurrency: string;
  /** The account tiers a new account may get (the KPI template's); the defaults when absent. */
  accountTiers?: readonly string[];
}
