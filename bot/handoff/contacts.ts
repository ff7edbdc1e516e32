import type { Knowledge } from '../../knowledge/index.js';
import { deskAnswer } from '../desk.js';
import type { DeskAnswer } from '../dialog/engine.js';

/** What a bare request for a person is about: the recognitions this assistant checks. */
const DEFAULT_TOPIC = '高新技术企业认定、科技型中小企业评价找哪个部门';
const ASKING_FOR_A_PERSON = /(请|帮我)?(转|接|找)?(人工|真人|客服|工作人员)(服务|客服)?/gu;

/**
 * Where to turn when no staff desk is configured: the departments the documents make responsible for the
 * question (or, for a bare "转人工", for recognition work), each with its clause. Nothing is promised that no one
 * would keep, and no contact the documents do not give is made up.
 */
export function contactsWithoutDesk(knowledge: Knowledge, question: string | null, jurisdiction: string | null): DeskAnswer {
  const intro = '本服务目前没有接入人工坐席：我无法替您转交，也不会有工作人员在这里回复。';
  const topic = (question ?? '').replace(ASKING_FOR_A_PERSON, '').replace(/^[\s，。！？,.!?]+|[\s，。！？,.!?]+$/gu, '');
  const routed = [topic, DEFAULT_TOPIC].filter((q) => q.length > 0).map((q) => deskAnswer(knowledge, q, jurisdiction)).find((a) => !a.handoff);
  if (!routed) return { text: `${intro}现有政策文件不足以确定该找哪个部门，请咨询当地科技主管部门。`, citations: [], handoff: false };
  return {
    text: `${intro}请直接联系政策文件写明的负责部门：\n${routed.text}\n文件中没有载明这些部门的电话或地址，请通过其官方渠道联系。`,
    citations: routed.citations,
    handoff: false,
  };
}
