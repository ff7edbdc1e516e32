import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import type { LlmConfig } from './config.js';
import { jsonRepliesOnly } from './reply-guard.js';

/**
 * The OpenAI SDK refuses to start without a key, but local servers (Ollama, vLLM) take none; they ignore the
 * bearer token this sends.
 */
const NO_KEY = 'no-key';

/**
 * The chat model on the configured endpoint. Retries are ours (resilient-call.ts), under one deadline per
 * turn, so the SDK and LangChain are told not to retry on their own.
 */
export function chatModel(config: LlmConfig): ChatOpenAI {
  return new ChatOpenAI({
    model: config.chatModel,
    apiKey: config.apiKey ?? NO_KEY,
    configuration: { baseURL: config.baseURL, fetch: jsonRepliesOnly },
    temperature: 0,
    maxRetries: 0,
    timeout: config.timeoutMs,
    // compatible endpoints implement /chat/completions; the Responses API is OpenAI's own
    useResponsesApi: false,
  });
}

export function embeddingsModel(config: LlmConfig & { embeddingsModel: string }): OpenAIEmbeddings {
  return new OpenAIEmbeddings({
    model: config.embeddingsModel,
    apiKey: config.apiKey ?? NO_KEY,
    configuration: { baseURL: config.baseURL, fetch: jsonRepliesOnly },
    maxRetries: 0,
    timeout: config.timeoutMs,
    // the SDK otherwise asks for base64, which some compatible servers do not implement
    encodingFormat: 'float',
    batchSize: 64,
  });
}
