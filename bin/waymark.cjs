#!/usr/bin/env node
// The `waymark` CLI (package.json "bin"): runs src/cli/waymark/main.ts through tsx, as `npm start` does.
require('tsx/cjs');
const { runCli } = require('../src/cli/waymark/main.ts');

runCli(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
