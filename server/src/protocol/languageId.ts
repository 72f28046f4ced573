/** The language id of systemd unit files in every client that names one. */
export const LANGUAGE_ID = "systemd-unit";
