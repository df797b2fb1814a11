// The seam between the demo workspace's data store and its webhook dispatcher.

export type SandboxAction = 'created' | 'updated' | 'deleted' | 'restored' | 'destroyed';

/** A record in Twenty's flat webhook shape (no relations), e.g. for an opportunity:
 * name, amount { amountMicros, currencyCode }, closeDate, stage, position, createdBy,
 * searchVector, id, createdAt, updatedAt, deletedAt, companyId, pointOfContactId. */
export type FlatRecord = Record<string, unknown>;

export type SandboxChange = {
  action: SandboxAction;
  /** Twenty's nameSingular, e.g. "opportunity" or "company". */
  objectName: string;
  objectMetadataId: string;
  record: FlatRecord;
  /** Only for `updated`: names of the fields that changed. */
  updatedFields?: string[];
};

export type ChangeListener = (changes: SandboxChange[]) => void;
