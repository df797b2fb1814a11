// Why a saved filter cannot be translated exactly. The translation never guesses: a field, operand,
// value or group it cannot reproduce as Twenty applies it stops it, naming what and why, so the
// caller can refuse that dashboard rather than show numbers of a different scope.

export type RefusalReason =
  /** The field id is not one of the opportunity's fields (a field of another object, or a deleted one). */
  | 'unknown_field'
  /** A field kind the translation does not cover. */
  | 'field_type'
  /** An operand Twenty has but whose meaning is not captured, or one it does not know. */
  | 'operand'
  /** A value that cannot be read, or that Twenty would compare in a way no exact filter reproduces. */
  | 'value'
  /** "Me" in a relation filter: Twenty's server has no current member for an API key. */
  | 'current_member'
  /** A filter through a relation (`relationTargetFieldMetadataId`). */
  | 'relation_target'
  /** A NOT group, several top-level groups, or an OR group left empty. */
  | 'group'
  /** Search text that may reach fields beyond plain text (a number, a currency, a name…). */
  | 'search_text';

export type Refusal = { reason: RefusalReason; /** what is refused: a filter id, operand, field or group */ subject: string; message: string };

/** Thrown inside the translation and caught at its edge (translate.ts), never beyond. */
export class TranslationRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'TranslationRefused';
  }
}

export function refuse(reason: RefusalReason, subject: string, message: string): never {
  throw new TranslationRefused({ reason, subject, message });
}
