/** The commands that generate units: a new service, one from a cron line, and a timer or socket for an open one. */
export const NEW_UNIT_COMMANDS = {
  newUnit: "unitsmith.newUnit",
  convertCron: "unitsmith.convertCron",
  addTimer: "unitsmith.addTimer",
  addSocket: "unitsmith.addSocket",
} as const;
