import { Field, ID, InterfaceType } from "type-graphql";

/** Every object with an identity; its `id` is an opaque global ID accepted by `node(id)`. */
@InterfaceType({
  description: "An object with an opaque global ID, fetchable with node(id).",
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID)
  id: string;
}
