"use server";

import { unlockSignIn } from "./login-unlock";
import { getViewer } from "./session";

export async function unlockSignInAction(input: unknown) {
  return unlockSignIn({ viewer: await getViewer(), input });
}
