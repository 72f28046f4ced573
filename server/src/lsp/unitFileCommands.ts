import type { TextDocuments } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { pathOfUri } from "../language/fileUri";
import { dependencyGraphDot, renderEffectiveUnit, type UnitLanguageHost, type UnitLanguageService } from "../language/languageService";
import {
  DEPENDENCY_GRAPH,
  EFFECTIVE_UNIT,
  UNIT_FILE_COMMANDS,
  type DependencyGraphAnswer,
  type EffectiveUnitAnswer,
} from "../protocol/commands";
import { LANGUAGE_ID } from "../protocol/languageId";
import type { Logger } from "./logger";

const MAX_BYTES = 1024 * 1024;

type Failure = { ok: false; message: string };

/**
 * The commands about the unit a file belongs to, read offline: EFFECTIVE_UNIT and DEPENDENCY_GRAPH.
 * The file is the document open in the editor, or else the file on disk.
 */
export function unitFileCommands(
  documents: TextDocuments<TextDocument>,
  service: UnitLanguageService,
  host: UnitLanguageHost,
  logger: Logger,
) {
  const documentOf = async (uri: string): Promise<TextDocument | Failure> => {
    const open = documents.get(uri);
    if (open) return open;
    const text = await host.readFile(pathOfUri(uri), MAX_BYTES);
    return text === undefined ? { ok: false, message: `${pathOfUri(uri)} cannot be read` } : TextDocument.create(uri, LANGUAGE_ID, 0, text);
  };
  const notUnit = (uri: string): Failure => ({ ok: false, message: `${pathOfUri(uri)} is not a unit file or a drop-in of one unit` });

  const answers = {
    [EFFECTIVE_UNIT]: async (uri: string): Promise<EffectiveUnitAnswer> => {
      const document = await documentOf(uri);
      if ("ok" in document) return document;
      const effective = await service.effectiveUnit(document);
      if (!effective) return notUnit(uri);
      const files = [...(effective.fragment ? [effective.fragment] : []), ...effective.dropIns];
      return { ok: true, unit: effective.unit, scope: effective.scope, text: renderEffectiveUnit(effective), files };
    },
    [DEPENDENCY_GRAPH]: async (uri: string, depth: number): Promise<DependencyGraphAnswer> => {
      const document = await documentOf(uri);
      if ("ok" in document) return document;
      const graph = await service.dependencyGraph(document, depth);
      if (!graph) return notUnit(uri);
      return {
        ok: true,
        unit: graph.root,
        dot: dependencyGraphDot(graph),
        nodes: graph.nodes.map(({ name, path }) => ({ name, ...(path && { path }) })),
      };
    },
  };

  return {
    commands: UNIT_FILE_COMMANDS,
    /** The answer to one of `commands`; a thrown error is logged and answered as a failure. */
    async execute(command: string, args: unknown): Promise<EffectiveUnitAnswer | DependencyGraphAnswer> {
      const { uri, depth } = (args ?? {}) as { uri?: unknown; depth?: unknown };
      if (typeof uri !== "string") return { ok: false, message: `${command} takes {uri}, the unit file or drop-in to read` };
      try {
        if (command === DEPENDENCY_GRAPH) {
          const steps = depth ?? 1;
          if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 1 || steps > 5) {
            return { ok: false, message: `${DEPENDENCY_GRAPH}: "depth" must be a whole number from 1 to 5` };
          }
          return await answers[DEPENDENCY_GRAPH](uri, steps);
        }
        return await answers[EFFECTIVE_UNIT](uri);
      } catch (error) {
        logger.error(`${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, message: "Reading the unit failed unexpectedly; the Unitsmith log has the details." };
      }
    },
  };
}
