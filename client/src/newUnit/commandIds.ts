/** The commands that generate units: a new service, and a timer or socket for an open one. */
export const NEW_UNIT_COMMANDS = {
  newUnit: "unitsmith.newUnit",
  addTimer: "unitsmith.addTimer",
  addSocket: "unitsmith.addSocket",
} as const;
