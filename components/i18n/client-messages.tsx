import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";
import { ROUTE_NAMESPACES, type ClientRoute, type RouteNamespaces } from "@/lib/i18n/client-namespaces";

/**
 * The message provider of one page: only the namespaces its client components
 * use (lib/i18n/client-namespaces.ts), plus those of the editing controls when
 * the viewer gets them. It replaces the layout's provider below it.
 */
export async function ClientMessages({ route, editing = false, children }: { route: ClientRoute; editing?: boolean; children: ReactNode }) {
  const entry: RouteNamespaces = ROUTE_NAMESPACES[route];
  const namespaces = editing && entry.editing ? [...entry.always, ...entry.editing] : entry.always;
  if (!namespaces.length) return children;
  return <NextIntlClientProvider messages={await clientMessages(namespaces)}>{children}</NextIntlClientProvider>;
}
