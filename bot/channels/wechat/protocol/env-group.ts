import { z } from 'zod';

/** A variable that must be set; `where` tells the administrator where the console shows its value. */
export const required = (where: string) => z.string({ error: `not set (${where})` }).min(1);

/** An EncodingAESKey: 43 characters of base64 (32 bytes once the platform's '=' is added). */
export const AesKey = z.string({ error: 'not set (EncodingAESKey)' }).regex(/^[A-Za-z0-9+/]{43}$/u, 'EncodingAESKey must be 43 letters and digits, as the console shows it');

/**
 * Reads a channel's variables: null when none of them is set (the channel is off, and nothing changes), the
 * parsed configuration when they are complete, and an error naming each missing or wrong variable otherwise.
 */
export function readEnvGroup<S extends z.ZodObject>(env: Record<string, string | undefined>, schema: S, names: Record<keyof z.infer<S>, string>): z.infer<S> | null {
  const entries = Object.entries(names as Record<string, string>);
  const raw = Object.fromEntries(entries.flatMap(([key, name]) => (env[name] ? [[key, env[name]]] : [])));
  const identifying = entries.filter(([, name]) => !name.endsWith('_API_ROOT'));
  if (identifying.every(([, name]) => !env[name])) return null;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((i) => `${(names as Record<string, string>)[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('; '));
}
