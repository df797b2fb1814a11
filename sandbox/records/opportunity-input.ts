// What a create/update of an opportunity may say, in both schemas: v0.55 names a relation by id
// (`company: ID`), 2.x by a nested input (`company: {connect: {where: {id}}}` or `{disconnect: true}`).
import { z } from 'zod';
import { badUserInput } from '@/sandbox/graphql/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const numberLike = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = Number(v);
  if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a number` });
  return n;
});
const dateLike = z.string().transform((v, ctx) => {
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a date` });
  return ms;
});
const idLike = z.string().regex(UUID, 'Invalid UUID');

/** A relation: an id (v0.55) or `{connect: {where: {id | userEmail}}}` / `{disconnect: true}` (2.x). */
const relationLike = z.union([
  idLike,
  z.object({
    connect: z.object({ where: z.object({ id: idLike.optional(), userEmail: z.string().optional() }) }).optional(),
    disconnect: z.boolean().optional(),
  }),
]);
export type RelationInput = z.infer<typeof relationLike>;

export const opportunityInputSchema = z.object({
  id: idLike.optional(),
  name: z.string().nullish(),
  amount: z.object({ amountMicros: numberLike.nullish(), currencyCode: z.string().nullish() }).nullish(),
  closeDate: dateLike.nullish(),
  stage: z.string().optional(),
  position: numberLike.optional(),
  companyId: idLike.nullish(),
  company: relationLike.nullish(),
  pointOfContactId: idLike.nullish(),
  pointOfContact: relationLike.nullish(),
  ownerId: idLike.nullish(),
  owner: relationLike.nullish(),
});
export type OpportunityInput = z.infer<typeof opportunityInputSchema>;

export function parseOpportunityInput(data: unknown): OpportunityInput {
  const parsed = opportunityInputSchema.safeParse(data ?? {});
  if (!parsed.success) throw badUserInput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/**
 * The join column value a relation input asks for: undefined when the input leaves it alone,
 * null to clear it, else an id (`byEmail` resolves a `userEmail` connect to a member id).
 */
export function relationTarget(joinValue: string | null | undefined, relation: RelationInput | null | undefined, byEmail?: (email: string) => string | undefined): string | null | undefined {
  if (joinValue !== undefined) return joinValue;
  if (relation === undefined) return undefined;
  if (relation === null || typeof relation === 'string') return relation;
  if (relation.disconnect) return null;
  const where = relation.connect?.where;
  if (!where) return undefined;
  if (where.id) return where.id;
  const found = where.userEmail !== undefined ? byEmail?.(where.userEmail) : undefined;
  if (!found) throw badUserInput('Connect where clause does not match any record');
  return found;
}
