#!/usr/bin/env node
// Writes the package.json of an npm package of hlmsg to standard output, so that every
// manifest carries Cargo.toml's version (packaging/build-npm passes it) and the platform table
// is written once, in platforms.json.
//
//     node manifest.js main VERSION           the hlmsg package: the launcher, and every
//                                             platform package as an optional dependency
//     node manifest.js platform VERSION TRIPLE  the package of one target's binary
'use strict';

const platforms = require('./platforms.json');

const description = 'Validate, inspect and compare HighLevel OutboundMessage webhook payloads';

function main(version) {
  const optionalDependencies = {};
  for (const { package: name } of Object.values(platforms)) {
    optionalDependencies[name] = version;
  }
  return {
    name: 'hlmsg',
    version,
    description,
    keywords: ['highlevel', 'webhook', 'json-schema', 'validator', 'cli'],
    bin: { hlmsg: 'bin/hlmsg.js' },
    files: ['bin/'],
    engines: { node: '>=18' },
    optionalDependencies,
  };
}

function platform(version, triple) {
  const entry = platforms[triple];
  if (!entry) {
    throw new Error(`no npm package for the target ${triple} (see packaging/npm/platforms.json)`);
  }
  const manifest = {
    name: entry.package,
    version,
    description: `hlmsg's binary for ${triple}; installed by the hlmsg package`,
    os: [entry.os],
    cpu: [entry.cpu],
  };
  if (entry.libc) {
    manifest.libc = [entry.libc];
  }
  return { ...manifest, files: ['bin/'], preferUnplugged: true };
}

const [kind, version, triple] = process.argv.slice(2);
if (!version || (kind !== 'main' && kind !== 'platform') || (kind === 'platform' && !triple)) {
  process.stderr.write('usage: node manifest.js main VERSION | platform VERSION TRIPLE\n');
  process.exit(2);
}
const manifest = kind === 'main' ? main(version) : platform(version, triple);
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
