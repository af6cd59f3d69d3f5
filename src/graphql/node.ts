import { Field, ID, InterfaceType } from "type-graphql";

/**
 * Every object with an identity; its `id` is an opaque global ID accepted by `node(id)`.
 * type-graphql finds each object's type by its class, synchronously as compiled execution needs.
 */
@InterfaceType({ description: "An object with an opaque global ID, fetchable with node(id)." })
export abstract class Node {
  @Field(() => ID)
  id: string;
}
