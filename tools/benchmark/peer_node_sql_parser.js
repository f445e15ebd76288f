// Times node-sql-parser (npm) on the benchmark corpus: parse only.
// Usage: NODE_PATH=build/bench-peers/node_modules node peer_node_sql_parser.js CLAUSES_TXT SECONDS
// Prints a JSON array like peer_sqlglot.py: bytes count the where clauses alone, not the SELECT wrapper.
'use strict';
const fs = require('fs');
const { Parser } = require('node-sql-parser');
const version = require('node-sql-parser/package.json').version;

const clauses = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((line) => line.trim() !== '');
const budget = Number(process.argv[3]) * 1000;
const parser = new Parser();
for (const clause of clauses.slice(0, 200)) {  // warm-up (JIT), untimed
  try { parser.astify('SELECT * FROM t WHERE ' + clause); } catch (e) { /* counted below */ }
}
let done = 0, failures = 0, bytes = 0;
const start = performance.now();
for (const clause of clauses) {
  try {
    parser.astify('SELECT * FROM t WHERE ' + clause);
  } catch (e) {
    failures += 1;  // rejected by the peer: counted, not fatal
  }
  done += 1;
  bytes += Buffer.byteLength(clause);
  if (performance.now() - start > budget) break;
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify([{ name: `node-sql-parser ${version} parse`, clauses: done, bytes, seconds, failures }]));
