import { createHash } from "node:crypto";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

const WELCOME = `# Welcome to thuis.
#
# Every request needs a bearer token. On a development server run
#   npm run token -- --list          (the demo users)
#   npm run token -- <login>         (a token for one of them)
# and put it in the Headers tab below:
#   { "Authorization": "Bearer <token>" }

query Viewer {
  viewer {
    user { displayName }
    organisation { name kind }
    roles
  }
}
`;

export interface IdePage {
  html: string;
  etag: string;
}

let page: IdePage | undefined;

/**
 * GraphiQL bundled into one page (scripts, styles and fonts inline): the IDE works with no
 * internet access. The page is about 9 MB, so it is rendered once and served with an ETag.
 */
export function graphiqlPage(): IdePage {
  if (!page) {
    const html = renderGraphiQL({
      title: "thuis — GraphQL",
      endpoint: "/graphql",
      defaultQuery: WELCOME,
      headers: JSON.stringify({ Authorization: "Bearer <token>" }, null, 2),
      defaultEditorToolsVisibility: "headers",
      subscriptionsProtocol: "WS",
    });
    page = { html, etag: `"${createHash("sha256").update(html).digest("base64url")}"` };
  }
  return page;
}
