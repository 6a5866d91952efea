/** Which database the store speaks to: the embedded SQLite file, or a PostgreSQL server. */
export type Engine = 'sqlite' | 'postgres';
