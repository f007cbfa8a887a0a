/** Price List names of the database engines dr-advisor prices (the `databaseEngine` attribute, and plain words). */
export const ENGINE_NAMES: Record<string, string> = {
  'aurora-mysql': 'Aurora MySQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
  mysql: 'MySQL',
  postgres: 'PostgreSQL',
};
