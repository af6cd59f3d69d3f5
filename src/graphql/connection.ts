import { GraphQLError } from "graphql";
import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import {
  type PageArgs,
  type PageSlice,
  checkPageArgs,
  encodeCursor,
  needsTotal,
  pageWindow,
  slicePage,
} from "./pagination";

@ObjectType({ description: "Where a page stands in its list.", simpleResolvers: true })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * A page of a list as Relay expects it. What is not selected costs nothing: `totalCount` runs its
 * query only when selected, and cursors are made only for `edges` and `pageInfo` (long nested
 * lists mostly ask for `nodes`).
 */
export class ConnectionPage<T> {
  readonly nodes: T[];
  private madeEdges?: Array<Edge<T>>;

  constructor(
    private readonly slice: PageSlice<T>,
    private readonly countTotal: () => Promise<number>,
  ) {
    this.nodes = slice.rows;
  }

  get edges(): Array<Edge<T>> {
    return (this.madeEdges ??= this.nodes.map((node, i) => ({ cursor: encodeCursor(this.slice.positions[i]), node })));
  }

  get pageInfo(): PageInfo {
    const { positions, hasNextPage, hasPreviousPage } = this.slice;
    return Object.assign(new PageInfo(), {
      hasNextPage,
      hasPreviousPage,
      startCursor: positions.length > 0 ? encodeCursor(positions[0]) : null,
      endCursor: positions.length > 0 ? encodeCursor(positions[positions.length - 1]) : null,
    });
  }

  get totalCount(): Promise<number> {
    return this.countTotal();
  }
}

/** Declares `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field({ description: "Opaque cursor of this edge, for after/before." }) cursor: string;
    @Field(() => nodeType) node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => [nodeType]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    // A promise (counted on demand): compiled execution awaits only what a resolver returns.
    @Field(() => Int, { simple: false, description: "How many objects the whole list holds, all pages together." })
    totalCount: number;
  }
  return Connection;
}

/** Where a list lives: how to read a slice of it and how to count it. */
export interface ListSource<T> {
  read(offset: number, limit: number): Promise<T[]>;
  count(): Promise<number>;
}

/** Reads one page of a list; the total is counted only when `last` or `totalCount` needs it. */
export async function paginate<T>(args: PageArgs, source: ListSource<T>): Promise<ConnectionPage<T>> {
  const problem = checkPageArgs(args);
  if (problem) throw new GraphQLError(problem.message, { extensions: { code: "BAD_USER_INPUT", argument: problem.field } });
  let counted: Promise<number> | undefined;
  const count = () => (counted ??= source.count());
  const total = needsTotal(args) ? await count() : undefined;
  const window = pageWindow(args, total);
  const rows = window.limit > 0 || window.probeNext ? await source.read(window.offset, window.limit + (window.probeNext ? 1 : 0)) : [];
  return new ConnectionPage(slicePage(window, rows, args, total), count);
}
