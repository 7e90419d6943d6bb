"use client";

import { useEffect, useRef, type ReactNode } from "react";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  /** id of the dialog's heading, which names it */
  labelledBy: string;
  children: ReactNode;
  /** where focus goes on close, when not back to the opener (e.g. the opener is about to disappear) */
  returnFocus?: () => HTMLElement | null | undefined;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of
 * the page inert (focus stays inside) and Escape closes it. Focus returns to
 * the control that opened it. An element marked data-autofocus gets focus first. Children mount only while open, so every opening
 * starts from fresh state.
 */
export function Dialog({ open, onClose, labelledBy, children, returnFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // Start at the first field rather than the close button.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Return focus when the dialog goes away, whichever way it closed.
  const returnFocusRef = useRef(returnFocus);
  useEffect(() => {
    returnFocusRef.current = returnFocus;
  });
  useEffect(() => {
    if (open) return;
    const target = returnFocusRef.current?.() ?? opener.current;
    opener.current = null;
    if (target?.isConnected) target.focus();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-modal="true"
      onClose={onClose}
      className="m-auto max-h-[90vh] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      {open && children}
    </dialog>
  );
}
