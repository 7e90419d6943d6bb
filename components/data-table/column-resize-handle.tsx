"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

interface ColumnResizeHandleProps {
  /** accessible name, e.g. "Resize Name" */
  label: string;
  /** the column's set width, or undefined while it is as wide as its content */
  width: number | undefined;
  min: number;
  max: number;
  /** while dragging: the width to show (not saved yet) */
  onPreview: (width: number) => void;
  /** the width to keep: at the end of a drag, or per arrow key */
  onCommit: (width: number) => void;
}

const KEY_STEP = 10;
const KEY_STEP_LARGE = 50;

/**
 * The grip on a header cell's right edge (issue 17.26): drag it, or focus it and
 * use the arrow keys (Shift for larger steps). A window-splitter separator, so
 * assistive technology announces the width. A column without a set width
 * starts from its rendered width, not from a declared default; that is why
 * this is not TanStack Table's resize handler, which starts from the column's
 * declared size (150 px unless set) and so jumps on the first move of an
 * auto-width column.
 */
export function ColumnResizeHandle({ label, width, min, max, onPreview, onCommit }: ColumnResizeHandleProps) {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startX: number; startWidth: number; last: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(max, Math.max(min, w)));
  const rendered = () => Math.round(ref.current?.parentElement?.getBoundingClientRect().width ?? min);
  // An auto-width column's width is known only once laid out (and changes with the window).
  const [measured, setMeasured] = useState(min);
  useEffect(() => {
    if (width !== undefined) return;
    const measure = () => setMeasured(rendered());
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  });
  const current = width ?? measured;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault(); // no text selection, no click on the header's sort link
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    const startWidth = width ?? rendered();
    drag.current = { startX: event.clientX, startWidth, last: startWidth };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    d.last = clamp(d.startWidth + event.clientX - d.startX);
    onPreview(d.last);
  };
  const end = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    if (d.last !== d.startWidth || width === undefined) onCommit(d.last);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    const by = event.key === "ArrowRight" ? step : event.key === "ArrowLeft" ? -step : 0;
    if (!by) return;
    event.preventDefault();
    onCommit(clamp(current + by));
  };

  return (
    <div
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={current}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={onKeyDown}
      // Inside the cell's right edge (not straddling it: a grip past the border made every header cell overflow, which
      // the layout checks count as clipped), narrow enough that the cell's own area still sorts.
      className={`absolute top-0 right-0 z-20 h-full w-[4px] cursor-col-resize touch-none select-none after:absolute after:inset-y-1.5 after:left-[1px] after:w-[2px] after:rounded-sm after:bg-slate-300 hover:after:bg-blue-600 focus-visible:outline-2 focus-visible:outline-blue-700 print:hidden`}
    />
  );
}
