import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { RequestContext } from "./context";
import type { CostBudget, ThrottleStatus } from "./cost-budget";
import type { TopLevelErrorCode } from "./errors";
import { requestedCost } from "./query-cost";

/** A response's `extensions.cost`, in Shopify's words. */
export interface QueryCost {
  requestedQueryCost: number;
  throttleStatus: ThrottleStatus;
}

/**
 * Each operation's cost is drawn from its organisation's budget after validation, before anything
 * runs: an organisation out of points is answered THROTTLED and nothing executes (a mutation
 * writes nothing). HTTP 200, as Shopify: clients read the code and `extensions.cost` as they do
 * any GraphQL error, not as a transport failure. Every response that got that far carries the cost.
 */
export function costBudgetPlugin(budget: CostBudget): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let cost: QueryCost | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // Apollo resolves the operation (or answers an error) before this hook.
          const requestedQueryCost = requestedCost(schema, document, operation!, request.variables);
          const { granted, throttleStatus } = await budget.draw(contextValue.viewer.organisationId, requestedQueryCost);
          cost = { requestedQueryCost, throttleStatus };
          if (!granted) throw throttled(cost);
        },
        async willSendResponse({ response }) {
          if (cost && response.body.kind === "single") response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
      };
    },
  };
}

function throttled({ requestedQueryCost, throttleStatus }: QueryCost): GraphQLError {
  const seconds = Math.ceil((requestedQueryCost - throttleStatus.currentlyAvailable) / throttleStatus.restoreRate);
  const code: TopLevelErrorCode = "THROTTLED";
  return new GraphQLError(
    `Throttled: this operation costs ${requestedQueryCost} points and your organisation has ${throttleStatus.currentlyAvailable} left; ` +
      `${throttleStatus.restoreRate} come back each second (try again in ${seconds} s).`,
    { extensions: { code, http: { status: 200 } } },
  );
}
