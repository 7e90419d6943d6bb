import { expect, type Locator, type Page } from "@playwright/test";

/** A filter's multi-select button (components/ui/multi-select.tsx): its name is the label, then what is chosen. */
export function multiSelect(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return scope.getByRole("button", { name: new RegExp(`^${escaped} `) });
}

/** Opens a filter's list, checks or unchecks each option by its label, then closes it with Escape. */
export async function toggleOptions(page: Page, label: string, options: string[]): Promise<void> {
  const button = multiSelect(page, label);
  await button.click();
  const list = page.getByRole("listbox", { name: label, exact: true });
  await expect(list).toBeVisible();
  for (const option of options) await list.getByRole("option", { name: option, exact: true }).click();
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
}

/** The options a filter offers, by opening and closing its list. */
export async function optionLabels(page: Page, label: string): Promise<string[]> {
  await multiSelect(page, label).click();
  const labels = await page.getByRole("listbox", { name: label, exact: true }).getByRole("option").allTextContents();
  await page.keyboard.press("Escape");
  return labels.map((l) => l.trim());
}
