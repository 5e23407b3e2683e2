#!/usr/bin/env node
// Compiles Solidity sources with the pinned solc-js through its standard-JSON API and writes
// <Contract>.abi and <Contract>.bin for web3j's wrapper generator.
// Usage: solc-compile.js <tools dir> <out dir> <optimizer runs> <source.sol>...
'use strict';
const fs = require('fs');
const path = require('path');

const [toolsDir, outDir, runs, ...sources] = process.argv.slice(2);
if (!toolsDir || !outDir || !runs || sources.length === 0) {
  console.error('usage: solc-compile.js <tools dir> <out dir> <optimizer runs> <source.sol>...');
  process.exit(2);
}
const nodeModules = path.resolve(toolsDir, 'node_modules');
const solc = require(path.join(nodeModules, 'solc'));

const input = {
  language: 'Solidity',
  sources: Object.fromEntries(sources.map((s) => [path.resolve(s), { content: fs.readFileSync(s, 'utf8') }])),
  settings: {
    // solc 0.8.37 defaults to osaka; Base and anvil run cancun-compatible chains.
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: Number(runs) },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

function findImports(importPath) {
  const candidates = [path.resolve(importPath), path.join(nodeModules, importPath)];
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') };
  }
  return { error: `not found: ${importPath}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
// Warnings from OpenZeppelin's own files are theirs to fix; ours are shown.
(output.errors || [])
  .filter((e) => e.severity === 'error' || !(e.sourceLocation && e.sourceLocation.file.startsWith('@openzeppelin/')))
  .forEach((e) => console.error(e.formattedMessage));
if (errors.length > 0) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
for (const source of sources) {
  for (const [name, contract] of Object.entries(output.contracts[path.resolve(source)] || {})) {
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outDir, `${name}.bin`), contract.evm.bytecode.object);
    console.log(`compiled ${name}: ${contract.evm.bytecode.object.length / 2} bytes (solc ${solc.version()})`);
  }
}
