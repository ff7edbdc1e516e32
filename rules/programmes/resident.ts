import type { Judgement } from '../engine/condition.js';
import { requireAnswer } from '../engine/judgements.js';
import type { Facts } from '../facts/schema.js';

/**
 * "在中国境内（不包括港、澳、台地区）注册的居民企业": an enterprise registered in a 南通 区/县 is one, so it is
 * not asked; one outside 南通 answers for itself.
 */
export function residentInChina(facts: Facts): Judgement {
  if (facts.region !== undefined && facts.region !== '市外') {
    return { status: 'met', detail: `注册在${facts.region}，是在中国境内注册的居民企业` };
  }
  return requireAnswer(facts, 'residentEnterprise', true, { yes: '在中国境内注册的居民企业', no: '不是在中国境内（不含港、澳、台）注册的居民企业' });
}
