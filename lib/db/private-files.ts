import fs from "node:fs";
import path from "node:path";

/**
 * The embedded database's files hold every password hash and role: nobody
 * but the app's own account may read or change them. Files the process
 * creates from now on get 0600 and folders 0700 (umask 077; PGlite creates
 * its files with mode 0666 and lets the umask decide), and what an older
 * version or another tool left behind is tightened when the folder is opened.
 */
export const PRIVATE_UMASK = 0o077;

export function restrictNewFiles(): void {
  process.umask(PRIVATE_UMASK);
}

/** chmod 0700 on folders and 0600 on files under (and including) `root`; symlinks are left alone. Returns how many were changed. */
export function tightenTree(root: string): number {
  let changed = 0;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return; // gone meanwhile
    }
    if (st.isSymbolicLink()) return;
    const wanted = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o077) !== 0) {
      fs.chmodSync(p, wanted);
      changed++;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(root);
  return changed;
}
