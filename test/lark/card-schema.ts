import { z } from 'zod';
import { cardBytes } from '../../src/adapters/lark/render/fit.js';

/**
 * The part of Lark's card JSON 2.0 structure the bot uses, as a schema
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure). Every card the adapter
 * sends is parsed with it, and the rules Lark enforces beyond shapes are checked after: unique
 * component names, a form with a submit button whose behaviors carry a callback, options that
 * contain the initial option, table rows keyed by the declared columns, the 30 KB limit.
 */
const Plain = z.object({ tag: z.literal('plain_text'), content: z.string().min(1) }).strict();
const Callback = z.object({ type: z.literal('callback'), value: z.record(z.string(), z.unknown()) }).strict();
const Option = z.object({ text: Plain, value: z.string().min(1) }).strict();

const Markdown = z.object({ tag: z.literal('markdown'), content: z.string(), text_size: z.enum(['heading', 'normal', 'notation']).optional() }).strict();
const Hr = z.object({ tag: z.literal('hr') }).strict();
const Button = z
  .object({
    tag: z.literal('button'),
    name: z.string().optional(),
    text: Plain,
    type: z.enum(['default', 'primary', 'danger']),
    form_action_type: z.enum(['submit', 'reset']).optional(),
    behaviors: z.array(Callback).min(1),
    confirm: z.object({ title: Plain, text: Plain }).strict().optional(),
  })
  .strict();
const Input = z
  .object({
    tag: z.literal('input'),
    name: z.string().min(1),
    required: z.boolean(),
    input_type: z.enum(['text', 'multiline_text']),
    rows: z.number().int().min(1).optional(),
    auto_resize: z.boolean().optional(),
    max_length: z.number().int().min(1).max(1000),
    placeholder: Plain.optional(),
    default_value: z.string().max(1000).optional(),
  })
  .strict();
const DatePicker = z.object({ tag: z.literal('date_picker'), name: z.string().min(1), required: z.boolean(), initial_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict();
const Select = z
  .object({ tag: z.literal('select_static'), name: z.string().min(1), required: z.boolean(), options: z.array(Option).min(1).max(100), initial_option: z.string().optional() })
  .strict()
  .refine((s) => s.initial_option === undefined || s.options.some((o) => o.value === s.initial_option), 'initial_option must be one of the options');
const Table = z
  .object({
    tag: z.literal('table'),
    page_size: z.number().int().min(1).max(10),
    row_height: z.string(),
    header_style: z.record(z.string(), z.unknown()),
    columns: z.array(z.object({ name: z.string(), display_name: z.string(), data_type: z.literal('text'), width: z.string(), horizontal_align: z.enum(['left', 'right']) }).strict()).min(1),
    rows: z.array(z.record(z.string(), z.string())),
  })
  .strict()
  .refine((t) => t.rows.every((r) => Object.keys(r).every((k) => t.columns.some((c) => c.name === k))), 'rows use only declared columns');

const Img = z
  .object({ tag: z.literal('img'), img_key: z.string().min(1), alt: Plain, title: Plain.optional(), scale_type: z.enum(['crop_center', 'fit_horizontal', 'crop_top']).optional(), preview: z.boolean().optional() })
  .strict();

type El = { tag: string } & Record<string, unknown>;
const Element: z.ZodType<El> = z.lazy(() => z.union([Markdown, Hr, Img, Button, Input, DatePicker, Select, Table, ColumnSet, Form, Collapsible]) as unknown as z.ZodType<El>);
// https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/collapsible-panel
const Collapsible = z
  .object({ tag: z.literal('collapsible_panel'), expanded: z.boolean(), header: z.object({ title: z.object({ tag: z.enum(['plain_text', 'markdown']), content: z.string().min(1) }).strict() }).strict(), elements: z.array(Element).min(1) })
  .strict();
const Column = z.object({ tag: z.literal('column'), width: z.enum(['auto', 'weighted']), weight: z.number().optional(), vertical_align: z.string().optional(), elements: z.array(Element) }).strict();
const ColumnSet = z.object({ tag: z.literal('column_set'), flex_mode: z.string(), horizontal_spacing: z.string().optional(), columns: z.array(Column).min(1) }).strict();
const Form = z
  .object({ tag: z.literal('form'), name: z.string().min(1), elements: z.array(Element).min(1) })
  .strict()
  .refine((f) => f.elements.some((e) => e.tag === 'button' && e.form_action_type === 'submit' && Array.isArray(e.behaviors) && (e.behaviors as { type: string }[]).some((b) => b.type === 'callback')), 'a form needs a submit button with a callback behavior');

export const Card20 = z
  .object({
    schema: z.literal('2.0'),
    config: z.object({ update_multi: z.literal(true), width_mode: z.enum(['fill', 'default']).optional(), summary: z.object({ content: z.string() }).strict().optional() }).strict(),
    header: z.object({ title: Plain, template: z.enum(['blue', 'green', 'red', 'orange', 'grey']) }).strict().optional(),
    body: z.object({ elements: z.array(Element).min(1) }).strict(),
  })
  .strict();

function names(elements: readonly El[], out: string[] = []): string[] {
  for (const e of elements) {
    if (typeof e.name === 'string') out.push(e.name);
    for (const key of ['elements', 'columns'] as const) if (Array.isArray(e[key])) names(e[key] as El[], out);
  }
  return out;
}

/** Throws with a readable reason when the card is not valid card JSON 2.0 as Lark reads it. */
export function assertCard20(card: unknown): z.infer<typeof Card20> {
  const parsed = Card20.parse(card);
  const all = names(parsed.body.elements);
  const dupes = all.filter((n, i) => all.indexOf(n) !== i);
  if (dupes.length > 0) throw new Error(`component names must be unique in a card: ${dupes.join(', ')}`);
  const bytes = cardBytes(card);
  if (bytes > 30 * 1024) throw new Error(`card is ${bytes} bytes, over Lark's 30 KB`);
  return parsed;
}

/** Every element of a card, depth first (forms and columns included). */
export function allElements(elements: readonly unknown[]): El[] {
  return (elements as El[]).flatMap((e) => [e, ...allElements([...((e.elements as El[]) ?? []), ...((e.columns as El[]) ?? [])])]);
}
