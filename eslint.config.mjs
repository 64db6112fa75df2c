import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

const config = [
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  ...nextVitals,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ["**/*.ts", "**/*.tsx"] })),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Layers point one way: app/ uses components/ and lib/, never the reverse.
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["@/app/*", "**/app/*"], message: "components/ and lib/ never import app/: move what both need into lib/." }],
        },
      ],
    },
  },
  {
    // Configuration is read and validated in one place (lib/env.ts); tests and tool configs
    // (*.config.ts) may set or read process.env directly.
    files: ["app/**", "components/**", "lib/**", "scripts/**", "instrumentation.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts", "**/*.test.tsx", "**/*.config.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Use env() from lib/env.ts (declare the variable in its schema and the Environment table in docs/operations.md); for a child process, childProcessEnv().",
        },
      ],
    },
  },
];

export default config;
