#!/usr/bin/env node
// The `leaflet` command. TypeScript sources run through Node's type stripping (Node >= 22.18 / 24).
import { main } from "../src/cli/main.ts";

process.exitCode = await main(process.argv.slice(2));
