/** A host reached with ssh: a Host of ~/.ssh/config or [user@]host; with `sudo`, system work goes through `sudo -n` there. */
export type SshHost = { ssh: string; sudo?: boolean };
