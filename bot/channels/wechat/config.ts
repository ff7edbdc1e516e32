import { z } from 'zod';
import { AesKey, readEnvGroup, required } from './protocol/env-group.js';

/** A 微信公众号 in server mode (基本配置 → 服务器配置); the EncodingAESKey only for 安全模式 / 兼容模式. */
export const WeChatConfig = z.object({
  appId: required('基本配置 → 开发者ID(AppID)'),
  appSecret: required('基本配置 → 开发者密码(AppSecret)'),
  token: required('服务器配置 → 令牌(Token)'),
  aesKey: AesKey.optional(),
  apiRoot: z.url().default('https://api.weixin.qq.com'),
});
export type WeChatConfig = z.infer<typeof WeChatConfig>;

/** The 公众号 channel's configuration, null when no WECHAT_* variable is set. */
export function weChatConfigFromEnv(env: Record<string, string | undefined>): WeChatConfig | null {
  return readEnvGroup(env, WeChatConfig, {
    appId: 'WECHAT_APP_ID', appSecret: 'WECHAT_APP_SECRET', token: 'WECHAT_TOKEN', aesKey: 'WECHAT_AES_KEY', apiRoot: 'WECHAT_API_ROOT',
  });
}
