// Column types of the program site's lists, in Graph's columnDefinition shapes.
export type ColumnType =
  | { text: { allowMultipleLines?: boolean; maxLength?: number } }
  | { number: Record<string, never> }
  | { dateTime: { format: 'dateTime' } }
  | { boolean: Record<string, never> }
  | { choice: { choices: string[] } };

export interface ColumnDefinition {
  name: string;
  type: ColumnType;
  indexed?: boolean;
  unique?: boolean;
  /** The schema version that introduced the column. */
  since?: number;
}

export interface ListDefinition {
  displayName: string;
  description: string;
  columns: ColumnDefinition[];
}

export const text = (maxLength = 255): ColumnType => ({ text: { maxLength } });
export const longText: ColumnType = { text: { allowMultipleLines: true } };
export const number: ColumnType = { number: {} };
export const dateTime: ColumnType = { dateTime: { format: 'dateTime' } };
export const choice = (...choices: string[]): ColumnType => ({ choice: { choices } });
export const key: ColumnDefinition = { name: 'Key', type: text(255), indexed: true, unique: true };

export const boolean: ColumnType = { boolean: {} };
