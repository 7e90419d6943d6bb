export async function seedCommand(_a: string[]) { return 0; }
