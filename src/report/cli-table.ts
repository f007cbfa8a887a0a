/** cli-table3, for the coloured box tables (table.ts; without colour, plain-table.ts draws them). */
import Table from 'cli-table3';
export { Table };
