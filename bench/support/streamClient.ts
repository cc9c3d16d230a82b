/**
 * A client process for the benchmark: real clients are not in the server's process, and a client parsing frames on
 * the server's event loop would bill its own work to the server. Usage:
 *   node streamClient.js <wsUrl> <token> <inputJson> <concurrent>
 * Prints one JSON line: { timings: StreamTiming[], wallMs }.
 */
import { streamOverGraphQL } from './streamOverGraphQL.js';

const [wsUrl, token, inputJson, concurrent] = process.argv.slice(2);
const input = JSON.parse(inputJson!) as Record<string, unknown>;
const start = performance.now();
const timings = await Promise.all(Array.from({ length: Number(concurrent ?? 1) }, () => streamOverGraphQL(wsUrl!, token!, input)));
console.log(JSON.stringify({ timings, wallMs: performance.now() - start }));
