import { CodeActionKind } from "vscode-languageserver-types";

/** A source action (offered in the editor's "Source Action" menu, not as a fix) for a unit with no [Install]. */
export const ADD_INSTALL_SECTION_KIND = `${CodeActionKind.Source}.addInstallSection`;

/** The kind of the offline "Harden this service" action: a rewrite of the file, not a fix of one finding. */
export const HARDEN_SERVICE_KIND = `${CodeActionKind.RefactorRewrite}.harden`;
