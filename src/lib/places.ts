// Kosovo's name as every table and the map's geometry spell it (Natural Earth gives it no ISO code), apart from
// contracts.ts so that a chart can name it without loading zod in the browser.
export const KOSOVO = "Kosovo";
