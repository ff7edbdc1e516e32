/** A literal word inside a pattern built from data (place names, scheme names): its metacharacters escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
