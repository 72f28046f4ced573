import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/out/**", "node_modules/**", ".artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", __dirname: "readonly", require: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The language core is pure: no Node APIs, no processes, no language-server runtime, no systemd adapters.
    files: ["server/src/language/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^node:", message: "server/src/language is pure: no Node APIs. Side effects belong in server/src/systemd." },
            {
              regex: "^(fs|path|os|child_process|url|util|process|events|stream|crypto)(/|$)",
              message: "server/src/language is pure: no Node APIs. Side effects belong in server/src/systemd.",
            },
            { regex: "^vscode-languageserver(/|$)", message: "Use vscode-languageserver-types in the pure core." },
            { regex: "(^|/)systemd(/|$)", message: "The pure core must not import the systemd adapters." },
            { regex: "^\\.\\./\\.\\./", message: "The pure core must not reach outside server/src/language." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "process", "require", "__dirname", "Buffer"],
    },
  },
  {
    // The client reaches the server only through the contract and the generator's entry point.
    files: ["client/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+server/src/(?!protocol$|language/generate$)",
              message: "The client imports the server only through server/src/protocol and server/src/language/generate.",
            },
          ],
        },
      ],
    },
  },
);
