import { describe, expect, it } from 'vitest';
import { textCard } from '../../src/adapters/lark/render/card.js';
import { cardBytes, MAX_CARD_BYTES } from '../../src/adapters/lark/render/fit.js';
import { formToCard } from '../../src/adapters/lark/render/form-card.js';
import { readFormValue } from '../../src/adapters/lark/render/form-values.js';
import { viewToCard } from '../../src/adapters/lark/render/view-card.js';
import { dealForm, feedbackForm, visitForm } from '../../src/views/forms/entry-forms.js';
import type { FormContext } from '../../src/views/forms/form.js';
import { helpView } from '../../src/views/help-view.js';
import { helpSections } from '../../src/chat/commands.js';
import type { View } from '../../src/views/view.js';
import { allElements, assertCard20 } from './card-schema.js';

const en: FormContext = { locale: 'en', today: '2026-11-26', baseCurrency: 'CNY' };
const zh: FormContext = { ...en, locale: 'zh-CN' };
const accounts = [
  { value: 'acme', label: 'Acme · A' },
  { value: 'globex', label: 'Globex · strategic' },
];

const everyBlock: View = {
  title: 'Scorecard: Ann Lee, 2026-Q4',
  blocks: [
    { type: 'header', text: 'Scorecard: Ann Lee, 2026-Q4' },
    { type: 'fields', fields: [{ label: 'Total', value: '82.5' }, { label: 'Grade', value: 'B' }] },
    { type: 'table', columns: [{ label: 'Indicator' }, { label: 'Score', align: 'right' }], rows: [['Revenue', '60.0'], ['Client visits', '55.6']] },
    { type: 'text', text: 'Pilot <at id=all></at> & *more*' },
    { type: 'divider' },
    { type: 'context', text: 'Template default v1' },
    { type: 'actions', buttons: [{ id: 'home.logVisit', label: 'Log a visit', value: 'visit', style: 'primary' }] },
    { type: 'item', text: '2026-11-25 · Visit · Acme', buttons: [{ id: 'entry.delete', label: 'Delete', value: '{"id":"v1"}', style: 'danger', confirm: { title: 'Delete?', text: 'Gone for good', confirm: 'Delete', deny: 'Keep' } }] },
  ],
};

describe('views as Lark cards (JSON 2.0)', () => {
  it('renders every block type, escaping user text so it cannot mention everyone', () => {
    const card = viewToCard(everyBlock);
    assertCard20(card);
    expect(card).toMatchSnapshot();
    expect(card.header!.title.content).toBe('Scorecard: Ann Lee, 2026-Q4');
    // The title is the card header, not repeated in the body.
    expect(JSON.stringify(card.body)).not.toContain('Scorecard: Ann Lee');
    expect(JSON.stringify(card)).toContain('Pilot &lt;at id=all&gt;&lt;/at&gt; &amp; *more*');
    const table = allElements(card.body.elements).find((e) => e.tag === 'table')!;
    expect(table.rows).toEqual([{ t0c0: 'Revenue', t0c1: '60.0' }, { t0c0: 'Client visits', t0c1: '55.6' }]);
  });

  it('renders the help view in Chinese and English', () => {
    const zhCard = viewToCard(helpView('zh-CN', { sections: helpSections(['admin']) }));
    const enCard = viewToCard(helpView('en', { sections: helpSections(['rep']) }));
    assertCard20(zhCard);
    assertCard20(enCard);
    expect(zhCard.header!.title.content).toBe('考核机器人：你可以做什么');
    expect(JSON.stringify(enCard)).not.toContain('appraisal-admin');
    expect(zhCard).toMatchSnapshot();
  });

  it('keeps a huge ranking under 30 KB: the top rows stay, the cut is marked', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [String(i + 1), `Rep number ${i + 1}`, 'East China', (100 - i / 100).toFixed(2), 'B']);
    const view: View = { title: 'Ranking 2026-Q4', blocks: [{ type: 'table', columns: ['#', 'Rep', 'Team', 'Total', 'Grade'].map((label) => ({ label })), rows }, { type: 'context', text: 'Ties: …' }] };
    const card = viewToCard(view);
    assertCard20(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const table = allElements(card.body.elements).find((e) => e.tag === 'table') as unknown as { rows: Record<string, string>[] };
    expect(table.rows[0]).toEqual({ t0c0: '1', t0c1: 'Rep number 1', t0c2: 'East China', t0c3: '100.00', t0c4: 'B' });
    expect(table.rows.length).toBeGreaterThan(50);
    expect(table.rows.length).toBeLessThan(3000);
    expect(card.body.elements.at(-1)).toEqual({ tag: 'markdown', content: '…', text_size: 'notation' });
  });

  it('cuts a very long text to fit', () => {
    const card = viewToCard({ title: 'Import', blocks: [{ type: 'text', text: '错误。'.repeat(20_000) }] });
    assertCard20(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('answers short texts as a card with a coloured title bar', () => {
    const card = textCard('Appraisal bot', 'Not <b>allowed</b>', 'red');
    assertCard20(card);
    expect(card.header).toEqual({ title: { tag: 'plain_text', content: 'Appraisal bot' }, template: 'red' });
    expect(card.body.elements).toEqual([{ tag: 'markdown', content: 'Not &lt;b&gt;allowed&lt;/b&gt;' }]);
  });
});

describe('forms as cards with a form container', () => {
  it('renders the visit form: labels, inputs named by field id, a searchable account select, a submit callback', () => {
    const card = formToCard(visitForm(en, { account: accounts[0] }), { locale: 'en', submit: { form: 'visit' }, choices: { account: accounts } });
    assertCard20(card);
    expect(card).toMatchSnapshot();
    const form = card.body.elements.find((e) => e.tag === 'form')!;
    const els = allElements([form]);
    expect(els.filter((e) => typeof e.name === 'string' && e.tag !== 'button' && e.tag !== 'form').map((e) => e.name)).toEqual([
      'account', 'newAccountName', 'newAccountTier', 'date', 'mode', 'contacts', 'purpose', 'outcome', 'nextStep', 'nextStepDate',
    ]);
    expect(els.find((e) => e.name === 'account')).toMatchObject({ tag: 'select_static', initial_option: 'acme', required: false });
    expect(els.find((e) => e.name === 'date')).toMatchObject({ tag: 'date_picker', initial_date: '2026-11-26', required: true });
    expect(els.find((e) => e.name === 'outcome')).toMatchObject({ tag: 'input', input_type: 'multiline_text', max_length: 1000 });
    expect(els.find((e) => e.name === 'submit')).toMatchObject({ form_action_type: 'submit', behaviors: [{ type: 'callback', value: { form: 'visit' } }] });
  });

  it('renders the deal form in Chinese, numbers as text inputs, optional fields marked', () => {
    const card = formToCard(dealForm(zh, ['USD'], 30), { locale: 'zh-CN', submit: { form: 'deal' }, choices: { account: accounts } });
    assertCard20(card);
    expect(card.header!.title.content).toBe('记录成交');
    const json = JSON.stringify(card);
    expect(json).toContain('（选填）');
    const els = allElements(card.body.elements);
    expect(els.find((e) => e.name === 'amount')).toMatchObject({ tag: 'input', input_type: 'text', required: true });
    expect(els.find((e) => e.name === 'currency')).toMatchObject({ initial_option: 'CNY', options: [{ value: 'CNY' }, { value: 'USD' }] });
  });

  it('shows field errors under their fields and a refusal above the form, keeping the values', () => {
    const form = feedbackForm(en, { account: accounts[1] });
    const card = formToCard(form, { locale: 'en', submit: { form: 'feedback' }, choices: { accountId: accounts }, errors: { service: 'must be 1 to 5' }, notice: 'This needs the Rep role.' });
    assertCard20(card);
    expect(card.body.elements[0]).toEqual({ tag: 'markdown', content: "<font color='red'>This needs the Rep role.</font>" });
    const inForm = allElements(card.body.elements.filter((e) => e.tag === 'form'));
    const i = inForm.findIndex((e) => e.name === 'service');
    expect(inForm[i + 1]).toEqual({ tag: 'markdown', content: "<font color='red'>must be 1 to 5</font>" });
  });

  it('keeps the chosen option when a long option list has to be cut to 30 KB', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ value: `acc-${i}`, label: `${'很长的客户名称'.repeat(40)} ${i}` }));
    const card = formToCard(visitForm(en, { account: many[99] }), { locale: 'en', submit: { form: 'visit' }, choices: { account: many } });
    assertCard20(card);
    const select = allElements(card.body.elements).find((e) => e.name === 'account') as unknown as { options: { value: string }[]; initial_option: string };
    expect(select.options.length).toBeLessThan(100);
    expect(select.options.map((o) => o.value)).toContain('acc-99');
    expect(select.initial_option).toBe('acc-99');
  });
});

describe('the structural check', () => {
  it('catches what Lark would refuse', () => {
    const form = formToCard(visitForm(en), { locale: 'en', submit: { form: 'visit' } });
    const noSubmit = structuredClone(form);
    const f = noSubmit.body.elements.find((e) => e.tag === 'form') as unknown as { elements: { tag: string }[] };
    f.elements = f.elements.filter((e) => e.tag !== 'button');
    expect(() => assertCard20(noSubmit)).toThrow(/submit button with a callback/);
    const dupe = structuredClone(form);
    (dupe.body.elements.find((e) => e.tag === 'form') as unknown as { elements: unknown[] }).elements.unshift({ tag: 'input', name: 'date', required: false, input_type: 'text', max_length: 10 });
    expect(() => assertCard20(dupe)).toThrow(/unique/);
    expect(() => assertCard20({ ...form, schema: '1.0' })).toThrow();
  });
});

describe('form_value → form values', () => {
  it('reads strings, drops the date picker’s zone, joins lists, ignores structure', () => {
    expect(readFormValue({ purpose: 'Review', date: '2026-11-25 +0800', next: '2026-12-01', tags: ['a', 'b'], n: 12, evil: { $gt: '' }, none: null })).toEqual({
      purpose: 'Review', date: '2026-11-25', next: '2026-12-01', tags: 'a,b', n: '12', evil: undefined, none: undefined,
    });
    expect(readFormValue('nope')).toEqual({});
    expect(readFormValue(['x'])).toEqual({});
  });
});
