import { SHOW_MAN_PAGE, type ShowManPageAnswer } from "../protocol/commands";
import type { ManPageLibrary } from "../systemd/manPages";

const PAGE_NAME = /^[A-Za-z0-9_.:+@-]+(\([0-9][A-Za-z0-9]*\))?$/;

/** Answers `unitsmith.showManPage` with `{name: "systemd.exec(5)"}` (section optional). */
export async function showManPage(library: ManPageLibrary, args: unknown): Promise<ShowManPageAnswer> {
  const name = (args as { name?: unknown } | undefined)?.name;
  if (typeof name !== "string" || !PAGE_NAME.test(name)) {
    return { ok: false, message: `${SHOW_MAN_PAGE} takes {name}, a man page such as "systemd.exec(5)"` };
  }
  const markdown = await library.renderPage(name);
  return markdown === undefined ? { ok: false, message: `No installed man page ${name}` } : { ok: true, name, markdown };
}
