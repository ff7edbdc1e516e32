import type { Knowledge } from '../knowledge/index.js';
import { renderTriage } from '../knowledge/triage/render.js';
import { triage } from '../knowledge/triage/triage.js';
import type { DeskAnswer } from './dialog/engine.js';

/**
 * The help-desk answer inside a conversation: the departments the documents make responsible, each with its
 * clause; when the evidence is too thin, the dialog says so and offers a person instead of routing.
 */
export function deskAnswer(knowledge: Knowledge, question: string, jurisdiction: string | null): DeskAnswer {
  const r = triage(knowledge, question, jurisdiction ? { jurisdiction } : {});
  const citations = knowledge.verify(r.departments.flatMap((d) => d.citations), () => {});
  if (r.handoff) {
    return {
      text: '现有政策文件不足以确定这件事由哪个部门负责，我不作推测。您可以点“转人工”，由工作人员处理。',
      citations: [],
      handoff: true,
    };
  }
  return { text: renderTriage(r), citations, handoff: false };
}
