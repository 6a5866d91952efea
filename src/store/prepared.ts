/**
 * SQL texts that run as named prepared statements on PostgreSQL (issue 20): parsed and planned
 * once per connection, not on every call. Only constant texts built once at module load are
 * registered (the write path's statement, its load, the event positions), so the number of
 * statements a connection keeps is fixed by the code, never by the data. SQLite already keeps a
 * prepared statement per text (connect.ts).
 */
const names = new Map<string, string>();

/** Registers `text` (a constant) as a prepared statement and returns it unchanged. */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `esd_prepared_${names.size + 1}`);
  return text;
}

/** The statement name for a registered text, or undefined for any other query. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}
