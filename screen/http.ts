import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { HttpError } from '../bot/channels/http/body.js';
import type { Route } from '../bot/channels/http/server.js';
import { staffTokenMatches } from '../bot/handoff/staff-token.js';
import type { CitationResolver } from '../knowledge/citation.js';
import { isIsoDate, today, type IsoDate } from '../rules/logic/dates.js';
import { SheetError } from './input/sheet.js';
import type { PoolOptions } from './pool/pool.js';
import { REPORT_CSP } from './report/html.js';
import { writeReportFile } from './report/write.js';
import { openScreening } from './screening.js';

export interface ScreeningRouteOptions extends PoolOptions {
  /** TONGCE_STAFF_TOKEN; unset → the endpoint does not exist (404) */
  staffToken: string | undefined;
  resolve: CitationResolver;
  /** largest upload in bytes (default 10 MiB, some 50,000 enterprises in CSV) */
  maxBytes?: number;
  today?: () => IsoDate;
}

const PATH = '/staff/screen';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

const Query = z.object({
  format: z.enum(['html', 'json'], { error: 'format: html or json' }).default('html'),
  'as-of': z.string().refine(isIsoDate, { error: 'as-of: a date as YYYY-MM-DD' }).optional(),
  /** the file's name, as the report shows it */
  name: z.string().trim().min(1).max(200, { error: 'name: at most 200 characters' }).optional(),
});

async function readUpload(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new HttpError(413, `upload larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new HttpError(413, `upload larger than ${limit} bytes`);
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, 'the upload could not be read');
  }
  if (size === 0) throw new HttpError(400, 'the upload is empty: send the CSV or .xlsx file as the request body');
  return Buffer.concat(chunks, size);
}

/**
 * POST /staff/screen (for `tongce serve`): a CSV or .xlsx upload in, the screening report out — HTML by default,
 * the JSON export with ?format=json; ?as-of=YYYY-MM-DD and ?name=<file name> optional. Behind
 * `Authorization: Bearer <TONGCE_STAFF_TOKEN>`, compared in constant time; without the token configured the
 * endpoint does not exist. A file that cannot be screened is a 4xx with the reason; a bad row is only a row
 * reported in the result. The report is written in full before it is sent, so a failure never leaves a client
 * with half a report under a 200.
 */
export function screeningRoutes(options: ScreeningRouteOptions): Route {
  const limit = options.maxBytes ?? 10 * 1024 * 1024;
  const todayOf = options.today ?? (() => today());
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname !== PATH) return false;
    if (!options.staffToken) throw new HttpError(404, 'not found');
    const bearer = /^Bearer (.+)$/u.exec(req.headers.authorization ?? '')?.[1];
    if (!staffTokenMatches(bearer, options.staffToken)) throw new HttpError(401, 'staff token required');
    if (req.method !== 'POST') throw new HttpError(405, 'use POST with the CSV or .xlsx file as the body');
    const query = Query.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) throw new HttpError(400, query.error.issues.map((i) => i.message).join('; '));
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const isXlsx = type === XLSX_TYPE;
    if (!isXlsx && !CSV_TYPES.includes(type)) throw new HttpError(415, `expected Content-Type text/csv or ${XLSX_TYPE}`);
    const bytes = await readUpload(req, limit);
    const { format, name } = query.data;
    const asOf = query.data['as-of'] ?? todayOf();

    const dir = await mkdtemp(join(tmpdir(), 'tongce-screen-http-'));
    try {
      const report = join(dir, `report.${format}`);
      try {
        const sourceName = name ?? (isXlsx ? 'upload.xlsx' : 'upload.csv');
        const screening = await openScreening({ bytes }, { asOf, resolve: options.resolve, threads: options.threads, workerScript: options.workerScript, sourceName });
        await writeReportFile(screening, format, report);
      } catch (e) {
        if (e instanceof SheetError) throw new HttpError(422, e.message);
        throw e;
      }
      res.writeHead(200, {
        'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': `${REPORT_CSP}; frame-ancestors 'none'`,
      });
      await pipeline(createReadStream(report), res);
      return true;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
