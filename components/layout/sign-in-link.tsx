"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** "Sign in", returning to the current page afterwards. */
export function SignInLink({ label, className }: { label: string; className: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = search ? `${pathname}?${search}` : pathname;
  const href = pathname.startsWith("/sign-in") ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`;
  return (
    <Link href={href} className={className}>
      {label}
    </Link>
  );
}
