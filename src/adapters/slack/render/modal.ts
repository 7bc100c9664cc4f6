import type { types } from '@slack/bolt';
import type { Field, Form, FormValues } from '../../../views/forms/form.js';
import { escapeMrkdwn } from './blocks.js';

type KnownBlock = types.KnownBlock;
type SlackView = types.ModalView;

/**
 * A neutral form → a Slack modal (https://api.slack.com/surfaces/modals). Each field is an input
 * block whose block_id and action_id are the field id, so `response_action: errors` can point at
 * the field a use case complained about.
 */
export const FORM_CALLBACK_PREFIX = 'form:';

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: text.length > max ? `${text.slice(0, max - 1)}…` : text, emoji: true });
const option = (o: { value: string; label: string }) => ({ text: plain(o.label, 75), value: o.value });

function element(f: Field): types.InputBlockElement {
  switch (f.type) {
    case 'text':
      return {
        type: 'plain_text_input',
        action_id: f.id,
        multiline: f.multiline ?? false,
        ...(f.initial ? { initial_value: f.initial } : {}),
        ...(f.maxLength ? { max_length: Math.min(f.maxLength, 3000) } : {}),
        ...(f.placeholder ? { placeholder: plain(f.placeholder, 150) } : {}),
      };
    case 'number':
      return {
        type: 'number_input',
        action_id: f.id,
        is_decimal_allowed: f.decimal,
        ...(f.min !== undefined ? { min_value: String(f.min) } : {}),
        ...(f.max !== undefined ? { max_value: String(f.max) } : {}),
        ...(f.initial !== undefined ? { initial_value: String(f.initial) } : {}),
      };
    case 'date':
      return { type: 'datepicker', action_id: f.id, ...(f.initial ? { initial_date: f.initial } : {}) };
    case 'select': {
      const initial = f.options.find((o) => o.value === f.initial);
      return { type: 'static_select', action_id: f.id, options: f.options.slice(0, 100).map(option), ...(initial ? { initial_option: option(initial) } : {}) };
    }
    case 'search':
      return { type: 'external_select', action_id: f.id, min_query_length: f.minQueryLength, ...(f.initial ? { initial_option: option(f.initial) } : {}) };
  }
}

function inputBlock(f: Field): KnownBlock {
  return {
    type: 'input',
    block_id: f.id,
    optional: f.optional ?? false,
    label: plain(f.label, 2000),
    ...(f.hint ? { hint: plain(f.hint, 2000) } : {}),
    element: element(f),
  } as KnownBlock;
}

export function formToModal(form: Form, opts: { privateMetadata: string; closeLabel: string }): SlackView {
  const blocks: KnownBlock[] = [];
  if (form.intro) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(form.intro) } });
  blocks.push(...form.fields.map(inputBlock));
  return {
    type: 'modal',
    callback_id: `${FORM_CALLBACK_PREFIX}${form.id}`,
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain(opts.closeLabel, 24),
    private_metadata: opts.privateMetadata,
    blocks,
  };
}


type StateValue = {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
  selected_user?: string | null;
};

/** Reads `view.state.values` back into neutral form values (field id → string). */
export function readModalValues(state: { values: Record<string, Record<string, StateValue>> }): FormValues {
  const out: Record<string, string | undefined> = {};
  for (const [blockId, actions] of Object.entries(state.values)) {
    for (const v of Object.values(actions)) {
      const value = v.value ?? v.selected_option?.value ?? v.selected_date ?? v.selected_user ?? undefined;
      out[blockId] = value === null ? undefined : value;
    }
  }
  return out;
}
