/** Client → server: the workspace became trusted (VS Code's workspace trust), so processes may run. */
export const TRUST_CHANGED = "unitsmith/trustChanged";

export interface TrustChangedParams {
  trusted: boolean;
}
