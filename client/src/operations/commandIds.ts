/** The extension's own commands (the palette, the units view, CodeLens, the status bar). */
export const UI_COMMANDS = {
  start: "unitsmith.start",
  stop: "unitsmith.stop",
  restart: "unitsmith.restart",
  reload: "unitsmith.reload",
  enable: "unitsmith.enable",
  disable: "unitsmith.disable",
  enableNow: "unitsmith.enableNow",
  resetFailed: "unitsmith.resetFailed",
  daemonReload: "unitsmith.daemonReload",
  showStatus: "unitsmith.showStatus",
  showEffectiveConfiguration: "unitsmith.showEffectiveConfiguration",
  showEffectiveUnit: "unitsmith.showEffectiveUnit",
  showDependencies: "unitsmith.showDependencies",
  showJournal: "unitsmith.showJournal",
  explainFailure: "unitsmith.explainFailure",
  followJournal: "unitsmith.followJournal",
  editOverride: "unitsmith.editOverride",
  install: "unitsmith.install",
  uninstall: "unitsmith.uninstall",
  securityAnalysis: "unitsmith.securityAnalysis",
  deployToHosts: "unitsmith.deployToHosts",
  refreshUnits: "unitsmith.units.refresh",
  filterUnits: "unitsmith.units.filter",
  clearUnitsFilter: "unitsmith.units.clearFilter",
  openUnitFile: "unitsmith.units.openFile",
} as const;

export const UNITS_VIEW = "unitsmith.units";
/** Context key: the units view has a filter. */
export const UNITS_FILTERED = "unitsmith.units.filtered";
