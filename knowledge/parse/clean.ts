/**
 * Marks the web copies carry that are not part of the text: Word bookmarks left in the HTML export and
 * markdown bold markers from a converter. Nothing else is changed.
 */
export function removeStrayMarks(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/\*\*/g, '');
}
