"use client";

import { useRouter } from "next/navigation";
import { useId, useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/ui/use-hydrated";

interface PageSizeSelectProps {
  pageSize: number;
  pageSizes: readonly number[];
  pageSizeHref: (pageSize: number) => string;
  hiddenParams: [string, string][];
  action: string;
}

/**
 * A GET form, so it works without JavaScript (choose, then "Show"); with
 * JavaScript a change navigates at once.
 */
export function PageSizeSelect({ pageSize, pageSizes, pageSizeHref, hiddenParams, action }: PageSizeSelectProps) {
  const t = useTranslations("pagination");
  const id = useId();
  const router = useRouter();
  const hydrated = useHydrated();
  const [, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(pageSize);
  const options = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);

  const go = (size: number) =>
    startTransition(() => {
      setShown(size);
      router.push(pageSizeHref(size));
    });

  return (
    <form
      method="get"
      action={action}
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        go(Number(new FormData(event.currentTarget).get("pageSize")));
      }}
    >
      {hiddenParams.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="text-sm text-slate-700">
        {t("pageSize")}
      </label>
      <select id={id} name="pageSize" value={shown} className="field-control h-9 w-20" onChange={(event) => go(Number(event.target.value))}>
        {options.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
      {!hydrated && (
        <button type="submit" className="btn-secondary h-9 px-3">
          {t("apply")}
        </button>
      )}
    </form>
  );
}
