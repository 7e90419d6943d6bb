"use client";

import { Component, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * Catches a card that fails to load (its server component's error reaches the
 * browser with its streamed content), so one failing query leaves the rest of
 * the dashboard usable. The server logs the error itself.
 */
export class CardErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <CardError /> : this.props.children;
  }
}

function CardError() {
  const t = useTranslations("dashboard");
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      {t("cardFailed")}
    </p>
  );
}
