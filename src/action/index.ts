/** The Action's entry (dist/index.js): all logic is in main.ts. */
import { run } from './main.js';

await run();

// Leave as soon as the output is flushed: the Azure SDK's legacy LRO poller keeps one more poll
// interval's timer pending after a long-running operation completes, which would hold the step.
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => (stream.write('', () => resolve()) ? undefined : undefined));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit();
