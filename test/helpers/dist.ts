/**
 * Where the tests find the built Action and CLI, and the runtime that runs the Action. By default the
 * committed bundle (dist/index.js), the npm package's compiled CLI (lib/src/cli.js, built by `npm ci` /
 * `npm run build:lib`) and the Node.js running the tests. AUTH0_EVENTGRID_DIST / AUTH0_EVENTGRID_CLI point
 * the tests at another build (e.g. one made in a temporary folder while dist/ is being rebuilt);
 * AUTH0_EVENTGRID_NODE at another Node.js binary (CI runs the Action's end-to-end tests again with the
 * Node.js version action.yml declares).
 */
import { resolve } from 'node:path';

export function actionEntry(): string {
  return resolve(process.env.AUTH0_EVENTGRID_DIST ?? 'dist', 'index.js');
}

export function cliEntry(): string {
  return process.env.AUTH0_EVENTGRID_CLI ? resolve(process.env.AUTH0_EVENTGRID_CLI) : resolve('lib/src/cli.js');
}

/** The node binary that runs the bundled Action. */
export function actionNode(): string {
  return process.env.AUTH0_EVENTGRID_NODE ? resolve(process.env.AUTH0_EVENTGRID_NODE) : process.execPath;
}
