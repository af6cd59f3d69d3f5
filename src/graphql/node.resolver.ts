import { GraphQLError } from "graphql";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "./context";
import { fromGlobalId } from "./global-id";
import { nodeLoaders } from "./loaders";
import { Node } from "./node";
import { MAX_PAGE_SIZE } from "./pagination";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global ID; null when it does not exist or is not yours to see." })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<object | null> {
    return findNode(ctx, id);
  }

  @Query(() => [Node], { nullable: "items", description: "Up to 100 objects by global ID, in the order asked; null for each one not found or not visible." })
  nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<Array<object | null>> {
    if (ids.length > MAX_PAGE_SIZE) {
      throw new GraphQLError(`At most ${MAX_PAGE_SIZE} ids per request.`, { extensions: { code: "BAD_USER_INPUT" } });
    }
    return Promise.all(ids.map((id) => findNode(ctx, id)));
  }
}

async function findNode(ctx: RequestContext, id: string): Promise<object | null> {
  const parsed = fromGlobalId(id);
  const load = parsed && nodeLoaders(ctx.loaders)[parsed.typeName];
  return load ? load(parsed.key) : null;
}
