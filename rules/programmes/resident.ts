import type { Judgement } from '../engine/condition.js';
import { requireAnswer } from '../engine/judgements.js';
import type { Facts } from '../facts/schema.js';

/**
 * "在中国境内（不包括港、澳、台地区）注册的居民企业": the answer decides when given (a 南通 branch of a 香港 company is
 * registered in 南通 yet not a resident enterprise); without it, an enterprise registered in a 南通 区/县 is taken
 * to be one, and the detail says that is an inference.
 */
export function residentInChina(facts: Facts): Judgement {
  if (facts.residentEnterprise === undefined && facts.region !== undefined && facts.region !== '市外') {
    return { status: 'met', detail: `注册在${facts.region}，推断为在中国境内注册的居民企业（若是非居民企业在南通设立的分支机构，请告知“不是居民企业”）` };
  }
  return requireAnswer(facts, 'residentEnterprise', true, { yes: '在中国境内注册的居民企业', no: '不是在中国境内（不含港、澳、台）注册的居民企业' });
}
