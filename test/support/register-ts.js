// For tests that run the server in a child process from its sources, as jest runs them (swc,
// same options as jest.config.js, no type check): `node -r ./test/support/register-ts.js src/main.ts`.
const { transformSync } = require("@swc/core");

const options = {
  jsc: {
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: "es2022",
  },
  module: { type: "commonjs" },
  sourceMaps: "inline",
};

require.extensions[".ts"] = (module, filename) => {
  const source = require("node:fs").readFileSync(filename, "utf8");
  module._compile(transformSync(source, { ...options, filename }).code, filename);
};
