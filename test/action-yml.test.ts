import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { INPUTS, OUTPUTS } from '../src/config/inputs.js';
import { ACTION_YML_PATH, actionYml } from '../scripts/gen-action-yml.js';
import { ENVIRONMENT_KEYS } from '../src/config/environments.js';

const text = readFileSync(ACTION_YML_PATH, 'utf8');
const doc = parse(text);

describe('action.yml', () => {
  test('inputs equal INPUTS exactly: names, order, descriptions, defaults, none required', () => {
    expect(Object.keys(doc.inputs)).toEqual(INPUTS.map((i) => i.name));
    for (const input of INPUTS) {
      const perEnvironment = ENVIRONMENT_KEYS.includes(input.name) && input.default !== undefined;
      const expected: Record<string, unknown> = { description: perEnvironment ? `${input.description} Default: ${input.default}.` : input.description, required: false };
      if (input.default !== undefined && !perEnvironment) expected.default = input.default;
      expect(doc.inputs[input.name]).toEqual(expected);
    }
    // Defaults stay strings ("false"), as the runner passes them.
    expect(doc.inputs['dry-run'].default).toBe('false');
    // Settings an environments file may give declare no default (the runner would pass it as given).
    expect(doc.inputs['authorization-days'].default).toBeUndefined();
    expect(doc.inputs['authorization-days'].description).toMatch(/Default: 7\.$/);
  });

  test('outputs equal OUTPUTS exactly', () => {
    expect(doc.outputs).toEqual(Object.fromEntries(OUTPUTS.map((o) => [o.name, { description: o.description }])));
    expect(Object.keys(doc.outputs)).toEqual(OUTPUTS.map((o) => o.name));
  });

  test('runs the bundle on node24, with marketplace metadata', () => {
    expect(doc.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(doc.name).toBe('Auth0 logs to Azure Event Grid');
    expect(typeof doc.description).toBe('string');
    expect(doc.description.length).toBeGreaterThan(0);
    expect(doc.author).toEqual(expect.any(String));
    expect(doc.branding).toEqual({ icon: expect.any(String), color: expect.stringMatching(/^(white|black|yellow|blue|green|orange|red|purple|gray-dark)$/) });
  });

  test('is what scripts/gen-action-yml.ts writes (regenerate after changing src/config/inputs.ts)', () => {
    expect(text).toBe(actionYml());
  });
});
