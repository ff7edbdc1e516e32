import { parseArgs } from 'node:util';
import { Conversations } from '../bot/conversation.js';
import { staffTokenMatches } from '../bot/handoff/staff-token.js';
import type { Ticket } from '../bot/handoff/tickets.js';
import { openKnowledge } from '../knowledge/index.js';
import { dataDir } from '../knowledge/paths.js';
import { type Command, UsageError } from './io.js';

const USAGE = 'usage: tongce tickets list [--status open|answered|closed] | show <ref> | reply <ref> "<text>" | close <ref>  (each with --token <staff token>) [--json]';

function summary(t: Ticket): string {
  return `${t.ref}  ${t.status.padEnd(8)}  ${t.channel.padEnd(8)}  ${t.packet.jurisdiction ?? '地区未知'}  ${t.packet.question ?? '（无问题文本）'}`;
}

function details(t: Ticket): string {
  const lines = [
    `${t.ref}（${t.status}）  ${t.channel}  ${new Date(t.createdAt).toISOString()}  原因：${t.reason}`,
    `问题：${t.packet.question ?? '—'}`,
    `地区：${t.packet.jurisdiction ?? '未知'}`,
    `建议部门：${t.packet.suggestedDepartments.map((d) => `${d.name}（${d.jurisdiction}，${d.confidence.toFixed(2)}）`).join('；') || '—'}`,
    `规则初判：${t.packet.draftVerdicts.map((v) => `${v.title} ${v.outcome}`).join('；')}`,
    `企业信息：${JSON.stringify(t.packet.facts)}`,
    '对话：',
    ...t.packet.transcript.map((e) => {
      const p = e.payload as { text?: string; action?: string } | Array<{ text: string }>;
      return Array.isArray(p) ? `  通策：${p.map((m) => m.text.split('\n')[0]).join(' / ')}` : `  用户：${p.text ?? `[${p.action}]`}`;
    }),
    ...t.replies.map((r) => `回复 ${new Date(r.at).toISOString()}${r.deliveredAt ? '（已送达）' : r.undeliverable ? `（无法送达：${r.undeliverable}）` : '（待送达）'}：${r.text}`),
  ];
  return lines.join('\n');
}

/** `tongce tickets …`: the staff desk in the terminal, behind the staff token. */
export const ticketsCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({ args: argv, options: { token: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true });
  if (!io.env.TONGCE_STAFF_TOKEN) throw new UsageError('staff features are off: set TONGCE_STAFF_TOKEN');
  if (!staffTokenMatches(values.token, io.env.TONGCE_STAFF_TOKEN)) throw new UsageError('wrong or missing --token');
  const [verb, ref, ...rest] = positionals;
  const dir = dataDir(io.env, io.cwd);
  const tickets = new Conversations({ dataDir: dir, knowledge: openKnowledge({ dataDir: dir }) }).tickets;
  const out = (text: string, json: unknown) => io.out(values.json ? JSON.stringify(json) + '\n' : text + '\n');
  switch (verb) {
    case 'list': {
      if (values.status && !['open', 'answered', 'closed'].includes(values.status)) throw new UsageError('--status: open, answered or closed');
      const list = tickets.list(values.status as Ticket['status'] | undefined);
      out(list.length ? list.map(summary).join('\n') : '没有工单。', list);
      return 0;
    }
    case 'show': {
      const t = ref ? tickets.get(ref) : undefined;
      if (!t) throw new UsageError(ref ? `no ticket ${ref}` : USAGE);
      out(details(t), t);
      return 0;
    }
    case 'reply': {
      const text = rest.join(' ').trim();
      if (!ref || !text) throw new UsageError(USAGE);
      if (!tickets.reply(ref, text)) throw new UsageError(tickets.get(ref) ? `ticket ${ref} is closed` : `no ticket ${ref}`);
      out(`已回复 ${ref}；用户将在其渠道收到（网页下次刷新时，Telegram 数秒内）。`, { ok: true, ref });
      return 0;
    }
    case 'close': {
      if (!ref || !tickets.close(ref)) throw new UsageError(ref ? `no open ticket ${ref}` : USAGE);
      out(`已关闭 ${ref}。`, { ok: true, ref });
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
};
