import { ModelFailure } from './resilient-call.js';

/**
 * fetch for the model endpoint that refuses a successful reply that is a web page: a captive portal, a login
 * page or a misconfigured proxy answers 200 with HTML, which the SDK would otherwise fail on with an unrelated
 * TypeError deep inside its parsing. The fallback then names what happened.
 */
export async function jsonRepliesOnly(input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> {
  const response = await fetch(input, init);
  if (!response.ok) return response;
  const type = response.headers.get('content-type') ?? '';
  if (/json|event-stream/iu.test(type)) return response;
  const head = (await response.clone().text()).trimStart().slice(0, 200);
  if (/^</u.test(head)) {
    throw new ModelFailure('html-reply', `status ${response.status} with ${type || 'no content type'}: ${head.slice(0, 80)}`);
  }
  return response;
}
