// `npm run hashee:src -- ARGS`: the CLI straight from the TypeScript sources through tsx (development; the
// `hashee` bin runs the compiled dist/).
import { main } from '../compiler/cli.ts';

process.exitCode = await main(process.argv.slice(2));
