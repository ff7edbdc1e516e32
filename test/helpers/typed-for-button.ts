import { describeFact, type FactPath } from '../../rules/facts/catalog.js';

/** What a person types for a button they cannot press (a terminal, or a button no longer on screen in WeChat). */
export function typedFor(action: string, pendingFact: string | undefined): string {
  const [verb, arg] = action.split(/:(.*)/su) as [string, string | undefined];
  const names: Record<string, string> = { 'kechuang-project-2023': '科创项目', hnte: '高企', 'tech-sme': '科小' };
  switch (verb) {
    case 'check': return `/check ${arg ? names[arg] : ''}`.trim();
    case 'skip': return '不知道';
    case 'confirm': return '对';
    case 'reject': return '不对';
    case 'forget-confirm': return '是';
    case 'forget-cancel': return '否';
    case 'restart': return '重新开始';
    case 'restart-confirm': return '是';
    case 'restart-cancel': return '否';
    case 'undo': return '撤销';
    case 'human': return '转人工';
    case 'help': return '帮助';
    case 'facts': return '我的信息';
    case 'continue': return '继续核对其他条件';
    case 'answer': {
      if (arg === 'true') return '是';
      if (arg === 'false') return '否';
      const info = pendingFact ? describeFact(pendingFact as FactPath) : undefined;
      return info?.choices?.find((c) => c.value === arg)?.label ?? arg ?? '';
    }
    default: return action;
  }
}
