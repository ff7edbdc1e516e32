import type { ServerResponse } from 'node:http';
import type { CitationResolver } from '../../../knowledge/citation.js';
import { evaluate } from '../../../rules/evaluate.js';
import type { Facts } from '../../../rules/facts/schema.js';
import { renderHtmlReport } from '../../../rules/present/report-html.js';
import { toJson } from '../../../rules/present/to-json.js';
import type { Conversations } from '../../conversation.js';
import { HttpError } from './body.js';

export interface ReportOptions {
  resolve: CitationResolver;
  /** the evaluation date, as the dialog uses it */
  today(): string;
}

/**
 * `GET /api/report?sessionId=…`: the session's facts evaluated again, as a page to keep (a download). The page is
 * self-contained and forbids scripts of its own, so whatever the user typed stays text wherever it is opened.
 */
export function sendReport(res: ServerResponse, url: URL, conversations: Conversations, options: ReportOptions): void {
  const sessionId = url.searchParams.get('sessionId') ?? '';
  if (!/^[A-Za-z0-9_-]{8,64}$/u.test(sessionId)) throw new HttpError(400, 'sessionId: 8–64 letters, digits, - or _');
  const session = conversations.store.get(sessionId);
  if (!session) throw new HttpError(404, 'no such session');
  const today = options.today();
  const evaluation = toJson(evaluate(session.facts as Facts, today), options.resolve);
  const html = renderHtmlReport({ evaluation, facts: session.facts, generatedOn: today });
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Disposition': `attachment; filename="tongce-report-${today}.html"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  });
  res.end(html);
}
