import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The modules of the language core's features, which only the language service imports. */
const FEATURE_MODULES =
  "(^|/)language/(completion|hover|definition|references|referenceSearch|documentLinks|symbols|folding|selectionRanges|inlayHints|semanticTokens|formatting|codeActions|analysis|valueCompletion|pathCompletion|clientFeatures)$";

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
            {
              regex: "^\\.\\./\\.\\./(?!protocol/)|^(\\.\\./)+(operations|workspace|cli|lsp|settings)(/|$)",
              message: "The pure core must not reach outside server/src/language, but for the contract in server/src/protocol.",
            },
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
  {
    // One way into the language core: its features are reached through createUnitLanguageService.
    files: ["server/src/**/*.ts", "test/**/*.ts", "server/test/**/*.ts"],
    ignores: ["server/src/language/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: FEATURE_MODULES,
              allowTypeImports: true,
              message: "Call the feature through createUnitLanguageService (server/src/language/languageService.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    // No request may wait on the disk: the server reaches files asynchronously. The CLI's own steps may block,
    // and so does loading the process's own code (server/src/startup), as require does, and the host's worker
    // thread, which answers no request itself.
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/cli/**", "server/src/startup/**", "server/src/workspace/hostWorkerMain.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportSpecifier[imported.name=/Sync$/]",
          message: "No synchronous file-system calls in the server: use node:fs/promises.",
        },
        {
          selector: "CallExpression[callee.property.name=/Sync$/]",
          message: "No synchronous file-system calls in the server: use node:fs/promises.",
        },
      ],
    },
  },
  {
    // The browser server runs in a web worker: no Node APIs, no processes, no Node transport (and one way in, as above).
    files: ["server/src/browser/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: FEATURE_MODULES, allowTypeImports: true, message: "Call the feature through createUnitLanguageService." },
            {
              regex: "^node:|^(fs|path|os|child_process|url|util|process|events|stream|crypto)(/|$)",
              message: "A web worker has no Node APIs.",
            },
            { regex: "/node$", message: "Use the /browser entry of the language server or client." },
            {
              regex: "(^|/)(systemd|operations|cli)(/|$)|workspace/(?!bundledSnippets$)",
              message: "The browser build runs no process and reads no disk.",
            },
          ],
        },
      ],
    },
  },
);
