import { GraphQLError } from "graphql";
import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import {
  type PageArgs,
  checkPageArgs,
  encodeCursor,
  needsTotal,
  pageWindow,
  slicePage,
} from "./pagination";

@ObjectType({ description: "Where a page stands in its list." })
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

/** A page of a list as Relay expects it; `totalCount` runs its query only when selected. */
export class ConnectionPage<T> {
  edges: Array<Edge<T>>;
  nodes: T[];
  pageInfo: PageInfo;
  private readonly countTotal: () => Promise<number>;

  constructor(edges: Array<Edge<T>>, pageInfo: PageInfo, countTotal: () => Promise<number>) {
    this.edges = edges;
    this.nodes = edges.map((e) => e.node);
    this.pageInfo = pageInfo;
    this.countTotal = countTotal;
  }

  get totalCount(): Promise<number> {
    return this.countTotal();
  }
}

/** Declares `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: "Opaque cursor of this edge, for after/before." }) cursor: string;
    @Field(() => nodeType) node: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => [nodeType]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: "How many objects the whole list holds, all pages together." })
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
  const slice = slicePage(window, rows, args, total);
  const edges = slice.rows.map((node, i) => ({ cursor: encodeCursor(slice.positions[i]), node }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: slice.hasNextPage,
    hasPreviousPage: slice.hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
  return new ConnectionPage(edges, pageInfo, count);
}
