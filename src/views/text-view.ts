import type { View } from './view.js';

/** A view of one text block; its title is the first line (what notifications and previews show). */
export const textView = (text: string, title?: string): View => ({ title: title ?? text.split('\n')[0]!.slice(0, 150), blocks: [{ type: 'text', text }] });
