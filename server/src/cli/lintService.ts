import type { UnitLanguageHost } from "../language/host";
import { createUnitLanguageService, type UnitLanguageService } from "../language/languageService";
import { PROJECT_FILE, type LintFlags } from "../language/project/projectConfig";
import { RULE_PAGES_URI } from "../rulePagesLocation";
import { defaultSettings } from "../settings/settings";
import { createManPageLibrary } from "../systemd/manPages";
import { createNodeHost } from "../workspace/nodeHost";

/**
 * The machine as one lint run sees it: directory listings and the unit index are kept for the
 * whole run, and each project file is read once, though every file below it looks for it.
 */
function createLintHost(): UnitLanguageHost {
  const host = createNodeHost(createManPageLibrary(), { ttlMs: Infinity, probeTtlMs: Infinity });
  const projectFiles = new Map<string, Promise<string | undefined>>();
  return {
    ...host,
    readFile(path, maxBytes) {
      if (!path.endsWith(`/${PROJECT_FILE}`)) return host.readFile(path, maxBytes);
      const key = `${maxBytes} ${path}`;
      let text = projectFiles.get(key);
      if (!text) projectFiles.set(key, (text = host.readFile(path, maxBytes)));
      return text;
    },
  };
}

/** The language service of a lint run (each thread of the run has its own, made alike). */
export function createLintService(flags: LintFlags): UnitLanguageService {
  const { maxFileSizeKB, lint } = defaultSettings;
  return createUnitLanguageService(createLintHost(), { maxFileSizeKB, severities: lint, rulePages: RULE_PAGES_URI, lintFlags: flags });
}
