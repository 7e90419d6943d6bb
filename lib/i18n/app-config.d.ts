import type messages from "../../messages/en.json";
import type { AppLocale } from "./config";

// Type-checks every translation key against the English catalog.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
