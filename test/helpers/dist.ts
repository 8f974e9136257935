/**
 * Where the tests find the built Action and CLI. By default the committed bundle (dist/index.js) and the
 * CLI bundle; AUTH0_EVENTGRID_DIST / AUTH0_EVENTGRID_CLI point the tests at another build (e.g. one made
 * in a temporary folder while dist/ is being rebuilt).
 */
import { resolve } from 'node:path';

export function actionEntry(): string {
  return resolve(process.env.AUTH0_EVENTGRID_DIST ?? 'dist', 'index.js');
}

export function cliEntry(): string {
  return process.env.AUTH0_EVENTGRID_CLI ? resolve(process.env.AUTH0_EVENTGRID_CLI) : resolve('dist/cli/index.js');
}
