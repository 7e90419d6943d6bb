"use client";

import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { MilestoneView } from "@/lib/projects/types";
import { MilestoneForm, type MilestoneFormMode } from "./milestone-form";

interface MilestoneActionsProps {
  slug: string;
  milestone: MilestoneView;
  /** the milestone's title in the interface's language (names the buttons) */
  label: string;
  canRebaseline: boolean;
}

/** A milestone row's controls: edit, and the quick "Mark achieved" and "Cancel" (each confirms in a dialog). */
export function MilestoneActions({ slug, milestone, label, canRebaseline }: MilestoneActionsProps) {
  const t = useTranslations("edit.milestone");
  const titleId = useId();
  const [mode, setMode] = useState<MilestoneFormMode | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const saved = useRef(false);
  // The buttons only open dialogs: inert until React runs.
  const hydrated = useHydrated();
  const open = (m: MilestoneFormMode) => {
    saved.current = false;
    setMessage(null);
    setMode(m);
  };
  const closed = milestone.state === "ACHIEVED" || milestone.state === "CANCELLED";

  return (
    <div className="flex flex-wrap justify-end gap-2">
      <button
        ref={editRef}
        type="button"
        disabled={!hydrated}
        className="btn-secondary h-8 px-3"
        aria-label={t("editButton", { title: label })}
        onClick={() => open("edit")}
      >
        {t("edit")}
      </button>
      {!closed && (
        <button
          type="button"
          disabled={!hydrated}
          className="btn-secondary h-8 px-3"
          aria-label={t("achieveButton", { title: label })}
          onClick={() => open("achieve")}
        >
          {t("achieve")}
        </button>
      )}
      {!closed && (
        <button
          type="button"
          disabled={!hydrated}
          className="btn-secondary h-8 px-3"
          aria-label={t("cancelButton", { title: label })}
          onClick={() => open("cancel")}
        >
          {t("cancel")}
        </button>
      )}
      <span role="status" className="sr-only">
        {message}
      </span>
      <Dialog
        open={mode !== null}
        onClose={() => setMode(null)}
        labelledBy={titleId}
        // After a save the quick-action button may vanish as the row refreshes; Edit always stays.
        returnFocus={() => (saved.current ? editRef.current : null)}
      >
        {mode && (
          <MilestoneForm
            slug={slug}
            mode={mode}
            milestone={milestone}
            canRebaseline={canRebaseline}
            titleId={titleId}
            onCancel={() => setMode(null)}
            onDone={(msg) => {
              saved.current = true;
              setMode(null);
              setMessage(msg);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

/** "Add milestone" and its dialog. */
export function AddMilestone({ slug }: { slug: string }) {
  const t = useTranslations("edit.milestone");
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const hydrated = useHydrated();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={!hydrated}
        className="btn-primary"
        onClick={() => {
          setMessage(null);
          setOpen(true);
        }}
      >
        {t("add")}
      </button>
      <p role="status" className="text-sm font-medium text-emerald-800">
        {message}
      </p>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy={titleId}>
        {open && (
          <MilestoneForm
            slug={slug}
            mode="create"
            milestone={null}
            canRebaseline={false}
            titleId={titleId}
            onCancel={() => setOpen(false)}
            onDone={(msg) => {
              setOpen(false);
              setMessage(msg);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
