// The seam between the demo workspace's data (records, metadata) and its webhook dispatcher.

export type SandboxAction = 'created' | 'updated' | 'deleted' | 'restored' | 'destroyed';

/** A record in Twenty's flat webhook shape (no relations), keys in the version's order
 * (records/flat-record.ts). */
export type FlatRecord = Record<string, unknown>;

/** The Twenty user behind a change made with a user's session (absent for API keys). */
export type ChangeUser = { userId: string; workspaceMemberId: string };

export type SandboxChange = {
  action: SandboxAction;
  /** Twenty's nameSingular, e.g. "opportunity" or "company". */
  objectName: string;
  objectMetadataId: string;
  record: FlatRecord;
  /** Names of the fields that changed: `updated` in every version, `deleted`/`restored` in 2.x. */
  updatedFields?: string[];
  /** Set for user-made changes; its deliveries then carry userId and workspaceMemberId. */
  user?: ChangeUser;
};

export type ChangeListener = (changes: SandboxChange[]) => void;

/** Who made a metadata change: a user's id, or else the API key's id (never both). */
export type MetadataInitiator = { userId: string } | { apiKeyId: string };

/** A metadata change, sent to `*.*` and `metadata.*` webhooks as `metadata.<metadataName>.<type>`. */
export type MetadataChange = {
  type: 'created' | 'updated' | 'deleted';
  /** Twenty's metadata name, e.g. "fieldMetadata", "roleTarget". */
  metadataName: string;
  recordId: string;
  /** Twenty's event properties: `{after}` on create, `{before}` on delete, and on update
   * `{updatedFields, diff, before, after}`. */
  properties: Record<string, unknown>;
  /** Absent: the workspace's API key made it (the dispatcher fills in its id). */
  initiator?: MetadataInitiator;
};

export type MetadataListener = (changes: MetadataChange[]) => void;
