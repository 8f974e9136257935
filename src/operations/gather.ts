/**
 * summarize: one report from the reports of other runs (the `report` output of each job of a matrix,
 * saved as files): the environments' rows, most urgent first, the worst health, the soonest expiry.
 * Nothing is signed in to or changed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, splitList } from '../config/settings.js';
import { fleetResult } from './fleet.js';
import type { FleetResult, OperationResult } from './types.js';

/** The .json files named by `spec` (files, or folders searched recursively), in a stable order. */
export function reportFiles(spec: string): string[] {
  const entries = splitList(spec);
  if (!entries.length) throw new ConfigError([{ input: 'reports', message: 'is required with command: summarize: the report files (or folders of .json files) to gather' }]);
  const files: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) files.push(full);
    }
  };
  for (const entry of entries) {
    let isDir: boolean;
    try {
      isDir = statSync(entry).isDirectory();
    } catch {
      throw new ConfigError([{ input: 'reports', message: `"${entry}" was not found; give the files (or folders) where the reports were saved` }]);
    }
    if (isDir) walk(entry);
    else files.push(entry);
  }
  if (!files.length) throw new ConfigError([{ input: 'reports', message: `no .json report in ${entries.map((e) => `"${e}"`).join(', ')}; did the jobs that write them run and upload them?` }]);
  return files;
}

function isResult(v: any): v is OperationResult {
  return !!v && typeof v === 'object' && typeof v.command === 'string' && typeof v.health === 'string' && Array.isArray(v.steps) && Array.isArray(v.checks) && typeof v.facts === 'object';
}

/** Reads the reports (each an OperationResult or a FleetResult, as the `report` output gives it) into one fleet result. */
export function gatherReports(spec: string, configFile?: string): FleetResult {
  const results: OperationResult[] = [];
  for (const file of reportFiles(spec)) {
    let value: any;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError([{ input: 'reports', message: `"${file}" is not JSON (${(e as Error).message.split('\n')[0]}); save the step's report output as it is` }]);
    }
    const rows: unknown[] = value?.kind === 'fleet' && Array.isArray(value.environments) ? value.environments : [value];
    for (const row of rows) {
      if (!isResult(row)) throw new ConfigError([{ input: 'reports', message: `"${file}" is not a report of auth0-eventgrid (the report output of a step)` }]);
      results.push(row);
    }
  }
  const commands = [...new Set(results.map((r) => r.command))];
  const started = Math.min(...results.map((r) => Date.parse(r.startedAt)).filter((t) => !Number.isNaN(t)), Date.now());
  const fleet = fleetResult(commands.join(', '), results, started, results.some((r) => r.dryRun), configFile);
  // The runs' own time, not this one's: from the first start to the last end.
  const ends = results.map((r) => Date.parse(r.startedAt) + (r.durationMs ?? 0)).filter((t) => !Number.isNaN(t));
  if (ends.length) fleet.durationMs = Math.max(...ends) - started;
  return fleet;
}
