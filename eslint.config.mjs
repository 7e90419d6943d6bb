import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".tmp/**", ".next/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "playwright-report/**", "test-results/**", ".data/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware rules that catch real bugs: a promise nobody awaits (its error is lost), a switch that
    // forgets a new union member, a cast that no longer does anything (and hides the real type).
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  {
    // No import cycles: a cycle between lib/ domains means one of them is not a layer.
    files: ["**/*.ts", "**/*.tsx"],
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // app/ holds routes only: nothing else imports from it (server actions live in lib/<domain>/actions.ts).
    files: ["components/**", "lib/**", "scripts/**", "bench/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app", "@/app/*", "**/app/*"], message: "app/ holds routes only; import from lib/<domain>/ instead." }] },
      ],
    },
  },
  {
    // Components get plain typed data from server code; they never reach the database layer.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app", "@/app/*", "**/app/*"], message: "app/ holds routes only; import from lib/<domain>/ instead." },
            { group: ["@/lib/db", "@/lib/db/*", "**/lib/db/*"], message: "Components never import the database layer; pass plain data from server code." },
          ],
        },
      ],
    },
  },
  {
    // Only lib/env.ts reads the environment (STYLE.md, habit 10).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/test/**", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
    },
  },
];

export default config;
