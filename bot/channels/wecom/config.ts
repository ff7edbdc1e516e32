import { z } from 'zod';
import { AesKey, readEnvGroup, required } from '../wechat/protocol/env-group.js';

/** A 企业微信 self-built application (自建应用): where it lives and what its 接收消息 settings say. */
export const WeComConfig = z.object({
  corpId: required('企业ID, 我的企业 → 企业信息'),
  agentId: z.string({ error: 'not set (应用的 AgentId)' }).regex(/^\d+$/u, 'AgentId is a number'),
  secret: required('应用的 Secret'),
  token: required('接收消息 → Token'),
  aesKey: AesKey,
  apiRoot: z.url().default('https://qyapi.weixin.qq.com'),
});
export type WeComConfig = z.infer<typeof WeComConfig>;

/** The 企业微信 channel's configuration, null when no WECOM_* variable is set. */
export function weComConfigFromEnv(env: Record<string, string | undefined>): WeComConfig | null {
  return readEnvGroup(env, WeComConfig, {
    corpId: 'WECOM_CORP_ID', agentId: 'WECOM_AGENT_ID', secret: 'WECOM_SECRET', token: 'WECOM_TOKEN', aesKey: 'WECOM_AES_KEY', apiRoot: 'WECOM_API_ROOT',
  });
}
