import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../../knowledge/paths.js';
import type { Conversations } from '../../conversation.js';
import { staffTokenMatches } from '../../handoff/staff-token.js';
import { HttpError, readJson } from '../http/body.js';
import { sendJson, type Route } from '../http/server.js';

const ReplyBody = z.strictObject({ text: z.string().trim().min(1, 'text: the reply is empty').max(4000, 'text: at most 4000 characters') });
const STATUS = z.enum(['open', 'answered', 'closed']);

export interface StaffOptions {
  conversations: Conversations;
  /** TONGCE_STAFF_TOKEN; unset → the staff pages and endpoints do not exist (404) */
  token: string | undefined;
  /** called after a reply is recorded, to deliver it at once where the channel allows (Telegram) */
  onReply?: () => void;
}

/**
 * The staff desk: GET /staff (the page), and under /staff/api/ the ticket list, a ticket, a reply and closing,
 * each behind `Authorization: Bearer <TONGCE_STAFF_TOKEN>`.
 */
export function staffRoutes(options: StaffOptions): Route {
  const page = join(projectRoot(), 'bot', 'channels', 'staff');
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/staff')) return false;
    if (!options.token) throw new HttpError(404, 'not found');
    if (req.method === 'GET' && (url.pathname === '/staff' || url.pathname === '/staff/' || url.pathname === '/staff/staff.js')) {
      const [file, type] = url.pathname.endsWith('.js') ? ['staff.js', 'text/javascript; charset=utf-8'] : ['index.html', 'text/html; charset=utf-8'];
      res.writeHead(200, {
        'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'",
      });
      res.end(await readFile(join(page, file)));
      return true;
    }
    const bearer = /^Bearer (.+)$/u.exec(req.headers.authorization ?? '')?.[1];
    if (!staffTokenMatches(bearer, options.token)) throw new HttpError(401, 'staff token required');
    const tickets = options.conversations.tickets;
    const m = /^\/staff\/api\/tickets(?:\/([A-Za-z0-9-]+))?(?:\/(reply|close))?$/u.exec(url.pathname);
    if (!m) throw new HttpError(404, 'not found');
    const [, ref, verb] = m;
    if (!ref) {
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      const status = url.searchParams.get('status');
      const parsed = status === null ? undefined : STATUS.safeParse(status);
      if (parsed && !parsed.success) throw new HttpError(400, 'status: open, answered or closed');
      sendJson(res, 200, { tickets: tickets.list(parsed?.data).map(({ packet, ...t }) => ({ ...t, question: packet.question, jurisdiction: packet.jurisdiction })) });
      return true;
    }
    if (!verb) {
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      const t = tickets.get(ref);
      if (!t) throw new HttpError(404, `no ticket ${ref}`);
      sendJson(res, 200, t);
      return true;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'use POST');
    if (verb === 'close') {
      if (!tickets.close(ref)) throw new HttpError(tickets.get(ref) ? 409 : 404, tickets.get(ref) ? `ticket ${ref} is already closed` : `no ticket ${ref}`);
      sendJson(res, 200, { ok: true });
      return true;
    }
    const body = ReplyBody.safeParse(await readJson(req, 16 * 1024));
    if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '));
    if (!tickets.reply(ref, body.data.text)) throw new HttpError(tickets.get(ref) ? 409 : 404, tickets.get(ref) ? `ticket ${ref} is closed` : `no ticket ${ref}`);
    options.onReply?.();
    sendJson(res, 200, { ok: true });
    return true;
  };
}
