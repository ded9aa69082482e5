// `npm run setup -- --stage local|aws --admin-email E [...]` and `npm run setup -- export ...`: see args.ts for the options.
import { main } from './main';

// Exit at once: the SDK clients' keep-alive sockets would hold the process open a few seconds more.
// (Standard output to a file or pipe is written synchronously on Linux and macOS, so nothing is cut.)
process.exit(await main(process.argv.slice(2)));
