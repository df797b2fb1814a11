import { z } from 'zod';

// The verifier's event leaves out the record's createdAt, yet it is what proves a deal is newer
// than a fetch even when its `updated` delivery overtakes its `created` one. Read from the raw
// bytes the verifier has just authenticated.

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)));
const createdAtSchema = z.union([
  z.looseObject({ record: z.looseObject({ createdAt: isoTime }) }).transform((b) => b.record.createdAt),
  z.looseObject({ data: z.looseObject({ createdAt: isoTime }) }).transform((b) => b.data.createdAt),
]);

export function createdAtOf(rawBody: Uint8Array): string | null {
  try {
    const parsed = createdAtSchema.safeParse(JSON.parse(new TextDecoder().decode(rawBody)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
