import type { Caller } from "../auth/caller";
import type { Language } from "./language";
import type { Loaders } from "./loaders";
import type { Services } from "./services";

/** What every resolver gets: the caller, its language, the request's loaders and the shared services. */
export interface RequestContext extends Caller {
  language: Language;
  loaders: Loaders;
  services: Services;
}
