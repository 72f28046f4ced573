import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import type { UnitLanguageHost } from "../language/host";
import { createUnitLanguageService, type UnitLanguageService } from "../language/languageService";
import { PROJECT_FILE, type LintFlags } from "../language/project/projectConfig";
import { RULE_PAGES_URI } from "../rulePagesLocation";
import { defaultSettings } from "../settings/settings";
import { createManPageLibrary } from "../systemd/manPages";
import type { ProbeFileSystem } from "../workspace/fileSystemProbes";
import { createNodeHost } from "../workspace/nodeHost";
import { headReader } from "../workspace/readFileHead";

// A lint run's thread has nothing else to do while it reads, and what it reads is mostly in the page
// cache: a directory is listed and a file's head read at once, where the thread pool would cost a
// round trip for each entry and four for each file, several times the read itself.
const listedAtOnce: ProbeFileSystem = { readdir: async (path) => readdirSync(path), stat: async (path) => statSync(path) };
const readAtOnce = headReader({
  open: async (path, flags) => openSync(path, flags),
  fstat: async (fd) => fstatSync(fd),
  read: async (fd, buffer, length) => readSync(fd, buffer, 0, length, 0),
  close: async (fd) => closeSync(fd),
});

/**
 * The machine as one lint run sees it: directory listings and the unit index are kept for the
 * whole run, and each project file is read once, though every file below it looks for it.
 */
function createLintHost(): UnitLanguageHost {
  const probes = { ttlMs: Infinity, fileSystem: listedAtOnce };
  const host = createNodeHost(createManPageLibrary(), { ttlMs: Infinity, probes, readFile: readAtOnce });
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
