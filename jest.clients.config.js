/**
 * `npm run test:clients`: the sandbox driven by independent clients (the Azure SDK for Python and the Azure
 * CLI, installed with `apt-get install azure-cli python3-azure`). Kept apart from `npm test`, which needs
 * neither; one file at a time, as each client is a process of its own.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/clients/**/*.clients.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
