// The project resolves modules the node10 way, which ignores package "exports": point
// graphql-ws's "use/ws" entry (resolved by Node through "exports" at run time) at its types.
declare module "graphql-ws/use/ws" {
  export * from "graphql-ws/dist/use/ws";
}
