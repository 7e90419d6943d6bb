"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A main-navigation link that marks itself current for its section
 * (/projects and /projects/…), and at any other path that shows the same page
 * (the dashboard is also the home page).
 */
export function NavLink({ href, alsoCurrentAt = [], children }: { href: string; alsoCurrentAt?: string[]; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`) || alsoCurrentAt.includes(pathname);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`inline-flex h-14 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap focus-visible:outline-amber-300 ${
        current ? "border-amber-400 text-white" : "border-transparent text-slate-200 hover:border-slate-500 hover:text-white"
      }`}
    >
      {children}
    </Link>
  );
}
