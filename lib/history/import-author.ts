/**
 * The author the seed loader writes on imported history when the portfolio
 * names none. It is a role, not a person, so the interface names it in the
 * reader's language rather than showing the stored English.
 */
export const SOURCE_IMPORT_AUTHOR = "Source import";
