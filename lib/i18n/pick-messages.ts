import type { AbstractIntlMessages } from "next-intl";

type Messages = AbstractIntlMessages;

/** The subtrees named by dotted paths ("edit", "enums.health"), nested as in the catalog. */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const ns of namespaces) {
    const parts = ns.split(".");
    let from: Messages | string | undefined = messages;
    let to = picked;
    parts.forEach((part, i) => {
      from = typeof from === "object" ? from[part] : undefined;
      if (from === undefined) throw new Error(`no message namespace "${ns}" in the catalog`);
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Messages;
    });
  }
  return picked;
}
