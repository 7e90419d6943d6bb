import "server-only";
import type { AbstractIntlMessages } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { pickMessages } from "./pick-messages";

type Messages = AbstractIntlMessages;

// The catalogs are fixed for the process's life: pick each route's subset once per locale.
const picks = new Map<string, Messages>();

/** The request locale's messages under these namespaces, for a client provider. */
export async function clientMessages(namespaces: readonly string[]): Promise<Messages> {
  const locale = await getLocale();
  const key = `${locale}\n${namespaces.join(",")}`;
  let found = picks.get(key);
  if (!found) {
    found = pickMessages(await getMessages(), namespaces);
    picks.set(key, found);
  }
  return found;
}
