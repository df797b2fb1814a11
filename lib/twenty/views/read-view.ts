import { z } from 'zod';
import { isTwentyError } from '@/lib/twenty/errors';
import type { Transport } from '@/lib/twenty/transport';
import { readObjects } from '@/lib/twenty/objects';
import type { FieldInfo } from '@/lib/twenty/views/operands';
import { filterSetFromView, viewFilterGroupSchema, viewFilterSchema, type FilterSet } from '@/lib/twenty/views/view-filter-schema';

// Finding a saved opportunity view on /metadata, through the client's transport (read-only guard,
// call budget, timeout, key redaction), one call each:
// - by id: `getView(id)`, which also answers UNLISTED views (the read-only key gets them; real-2.21
//   views-dashboards/q1-getView-D-unlisted-readonly-key) and null for a deleted view;
// - by name: `getViews(objectMetadataId)`, where UNLISTED views are left out for an API key, so
//   those can be named only by id.
// Twenty v0.55 has no view API on /metadata (`Cannot query field "getViews"`): "unsupported".
// `readOpportunityFields` gives the translation its field map (and the object id `getViews` needs).

export type ViewLookupErrorKind = 'ambiguous' | 'not_found' | 'unsupported' | 'not_opportunity';

export class ViewLookupError extends Error {
  constructor(
    readonly kind: ViewLookupErrorKind,
    readonly ref: string,
    detail: string,
  ) {
    super(`saved view "${ref}": ${detail}`);
    this.name = 'ViewLookupError';
  }
}

export type SavedView = { id: string; name: string; objectMetadataId: string; visibility: string; filterSet: FilterSet };
export type OpportunityFields = { objectMetadataId: string; fields: Map<string, FieldInfo> };

const VIEW_FIELDS = `id name objectMetadataId visibility anyFieldFilterValue
  viewFilters { id fieldMetadataId operand value viewFilterGroupId positionInViewFilterGroup subFieldName relationTargetFieldMetadataId }
  viewFilterGroups { id parentViewFilterGroupId logicalOperator positionInViewFilterGroup }`;
const VIEW_BY_ID = `query SavedViewById($id: String!) { getView(id: $id) { ${VIEW_FIELDS} } }`;
const VIEWS_OF_OBJECT = `query SavedViewsOfObject($objectMetadataId: String) { getViews(objectMetadataId: $objectMetadataId) { ${VIEW_FIELDS} } }`;


const viewSchema = z.object({
  id: z.string(),
  name: z.string(),
  objectMetadataId: z.string(),
  visibility: z.string(),
  anyFieldFilterValue: z.string().nullish(),
  viewFilters: z.array(viewFilterSchema),
  viewFilterGroups: z.array(viewFilterGroupSchema),
});
/** A view id (Twenty's ids are UUIDs): a `twentyView` of this shape is looked up by id. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_VIEW_API = /Cannot query field "getViews?"/;

const toSavedView = (v: z.infer<typeof viewSchema>): SavedView => ({
  id: v.id, name: v.name, objectMetadataId: v.objectMetadataId, visibility: v.visibility,
  filterSet: filterSetFromView(v.viewFilters, v.viewFilterGroups, v.anyFieldFilterValue),
});

async function metadataQuery<S extends z.ZodType>(transport: Transport, ref: string, document: string, schema: S, variables: Record<string, unknown>): Promise<z.infer<S>> {
  try {
    return await transport.runQuery({ endpoint: 'metadata', document, schema, variables });
  } catch (err) {
    if (isTwentyError(err) && NO_VIEW_API.test(err.message)) throw new ViewLookupError('unsupported', ref, 'this Twenty has no saved-view API (v0.55); viewId needs 2.x');
    throw err;
  }
}

/** The view `ref` names (its id, or its exact name among the opportunity views the key can list). */
export async function readView(transport: Transport, ref: string, opportunityObjectId: string): Promise<SavedView> {
  if (UUID.test(ref)) {
    const data = await metadataQuery(transport, ref, VIEW_BY_ID, z.object({ getView: viewSchema.nullable() }), { id: ref });
    if (!data.getView) throw new ViewLookupError('not_found', ref, 'no view has this id (or it was deleted)');
    if (data.getView.objectMetadataId !== opportunityObjectId) throw new ViewLookupError('not_opportunity', ref, `"${data.getView.name}" is a view of another object`);
    return toSavedView(data.getView);
  }
  const data = await metadataQuery(transport, ref, VIEWS_OF_OBJECT, z.object({ getViews: z.array(viewSchema) }), { objectMetadataId: opportunityObjectId });
  const named = data.getViews.filter((v) => v.name === ref);
  if (named.length > 1) throw new ViewLookupError('ambiguous', ref, `${named.length} opportunity views have this name (${named.map((v) => v.id).join(', ')}); name it by id`);
  const [view] = named;
  if (!view) throw new ViewLookupError('not_found', ref, 'no opportunity view the key can list has this name (an UNLISTED view can be named only by id)');
  return toSavedView(view);
}

/** The opportunity object's id and its fields by id, for readView and the translation. */
export async function readOpportunityFields(transport: Transport): Promise<OpportunityFields> {
  const opportunity = [...(await readObjects(transport)).values()].find((o) => o.nameSingular === 'opportunity');
  if (!opportunity) throw new ViewLookupError('not_found', 'opportunity', 'the metadata has no opportunity object');
  return { objectMetadataId: opportunity.id, fields: opportunity.fields };
}
