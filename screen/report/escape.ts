const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// control characters have no business in a report and some (NUL) are errors in HTML and XML alike
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;

/** Text made safe for HTML and SVG content and attribute values: everything from a file goes through here. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/gu, (c) => ENTITIES[c]!);
}
