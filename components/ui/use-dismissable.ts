"use client";

import { useEffect, useRef } from "react";

/**
 * Makes a <details> popover behave like one: Escape closes it and returns
 * focus to its <summary>, a click outside closes it, and opening scrolls its
 * panel into view (a popover low on the page opened below the fold).
 */
export function useDismissableDetails<T extends HTMLDetailsElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const close = (returnFocus: boolean) => {
      if (!details.open) return;
      details.open = false;
      if (returnFocus) details.querySelector("summary")?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && details.open) {
        event.preventDefault();
        close(true);
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (details.open && !details.contains(event.target as Node)) close(false);
    };
    const onToggle = () => {
      if (details.open) details.lastElementChild?.scrollIntoView({ block: "nearest" });
    };
    details.addEventListener("keydown", onKey);
    details.addEventListener("toggle", onToggle);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      details.removeEventListener("keydown", onKey);
      details.removeEventListener("toggle", onToggle);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, []);
  return ref;
}
