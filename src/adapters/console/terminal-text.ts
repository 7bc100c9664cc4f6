/**
 * Text for a terminal. Names, notes and echoes of what someone typed reach the console from the
 * store, imports and profiles; a terminal would obey an escape sequence in them (clear the screen,
 * retitle the window, hide text, write a hyperlink). Whole sequences are removed first — CSI
 * (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), the 8-bit CSI and two-character escapes — then any
 * other control character but tab and newline, and the bidirectional overrides that reorder what
 * is shown.
 */
const SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?|\u001b[@-_]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const terminalText = (text: string): string => text.replace(SEQUENCES, '').replace(CONTROLS, '');
