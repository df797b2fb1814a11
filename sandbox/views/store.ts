// The workspace's saved views and everything hanging off them. Deleting a view is a soft delete:
// `getView` then answers null and `getViews` leaves it out, but its filters stay and group-by's
// `viewId` keeps applying them (views-dashboards/q2-…-G-soft-deleted-view, captured).
import { randomUUID } from 'node:crypto';
import type {
  ViewFieldRecord,
  ViewFilterGroupRecord,
  ViewFilterRecord,
  ViewGroupRecord,
  ViewRecord,
  ViewSortRecord,
  ViewType,
} from '@/sandbox/views/types';

type Child = { viewId: string; deletedAt: string | null };

/** Who is listing: a user session sees its own UNLISTED views; API keys have no user (source reading). */
export type Viewer = { userWorkspaceId: string | null };

export class ViewStore {
  readonly views = new Map<string, ViewRecord>();
  readonly filters = new Map<string, ViewFilterRecord>();
  readonly filterGroups = new Map<string, ViewFilterGroupRecord>();
  readonly sorts = new Map<string, ViewSortRecord>();
  readonly groups = new Map<string, ViewGroupRecord>();
  readonly fields = new Map<string, ViewFieldRecord>();

  constructor(
    readonly workspaceId: string,
    private readonly newId: () => string = randomUUID,
  ) {}

  id(requested?: string | null): string {
    return requested ?? this.newId();
  }

  /** A live (not deleted) view; what `getView` answers. */
  live(id: string): ViewRecord | null {
    const view = this.views.get(id);
    return view && view.deletedAt === null ? view : null;
  }

  /**
   * `getViews`: live views of the object (all objects without one), of the types asked, in
   * position order (ties in creation order, as captured). UNLISTED ones only for their maker.
   */
  listed(viewer: Viewer, objectMetadataId?: string | null, types?: readonly ViewType[] | null): ViewRecord[] {
    return [...this.views.values()]
      .filter((v) => v.deletedAt === null)
      .filter((v) => !objectMetadataId || v.objectMetadataId === objectMetadataId)
      .filter((v) => !types || types.length === 0 || types.includes(v.type))
      .filter((v) => v.visibility === 'WORKSPACE' || (viewer.userWorkspaceId !== null && v.createdByUserWorkspaceId === viewer.userWorkspaceId))
      .map((v, i) => ({ v, i }))
      .sort((a, b) => a.v.position - b.v.position || a.i - b.i)
      .map(({ v }) => v);
  }

  /** Live children of a view (or of every view when `viewId` is absent), in creation order. */
  childrenOf<T extends Child>(map: ReadonlyMap<string, T>, viewId?: string | null): T[] {
    return [...map.values()].filter((c) => c.deletedAt === null && (!viewId || c.viewId === viewId));
  }

  put<T extends { id: string }>(map: Map<string, T>, record: T): T {
    map.set(record.id, record);
    return record;
  }

  /** Soft delete: the view disappears from reads; its filters stay (see the header). */
  deleteView(id: string, now: string): boolean {
    const view = this.live(id);
    if (!view) return false;
    view.deletedAt = now;
    view.updatedAt = now;
    return true;
  }

  /** Hard delete of a view and everything that belongs to it. */
  destroyView(id: string): boolean {
    if (!this.views.delete(id)) return false;
    for (const map of [this.filters, this.filterGroups, this.sorts, this.groups, this.fields] as Map<string, Child & { id: string }>[]) {
      for (const [key, child] of map) if (child.viewId === id) map.delete(key);
    }
    return true;
  }
}
