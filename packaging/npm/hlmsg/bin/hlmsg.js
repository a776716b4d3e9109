#!/usr/bin/env node
// The `hlmsg` command of the npm package: hlmsg is a native program, shipped for each platform
// in a package of its own (@hlmsg/linux-x64-gnu, @hlmsg/darwin-arm64, ...) that npm installs
// as an optional dependency only where its `os`, `cpu` and `libc` match. This launcher finds
// the one installed here and runs its binary with the same arguments, standard streams and
// exit code.
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');

/** The C library of a Linux system: glibc reports its version to Node, musl does not. */
function linuxLibc() {
  const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : null;
  return report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
}

/** The platform package built for this operating system, processor and C library. */
function packageName(platform, arch, libc) {
  const base = `@hlmsg/${platform}-${arch}`;
  if (platform === 'linux') {
    return `${base}-${libc === 'musl' ? 'musl' : 'gnu'}`;
  }
  if (platform === 'win32') {
    return `${base}-msvc`;
  }
  return base;
}

/** The packages to look in, best first: on Linux a static musl build also runs on glibc. */
function candidates() {
  const { platform, arch } = process;
  if (platform !== 'linux') {
    return [packageName(platform, arch)];
  }
  const libc = linuxLibc();
  const names = [packageName(platform, arch, libc)];
  if (libc === 'glibc') {
    names.push(packageName(platform, arch, 'musl'));
  }
  return names;
}

function binaryPath() {
  const file = process.platform === 'win32' ? 'hlmsg.exe' : 'hlmsg';
  const names = candidates();
  for (const name of names) {
    try {
      const manifest = require.resolve(`${name}/package.json`);
      return path.join(path.dirname(manifest), 'bin', file);
    } catch {
      // not installed: try the next one
    }
  }
  process.stderr.write(
    `hlmsg: the package ${names[0]}, which holds hlmsg's binary for this platform ` +
      `(${process.platform} ${process.arch}), is not installed.\n` +
      'npm installs it with hlmsg as an optional dependency: reinstall hlmsg without ' +
      '--omit=optional (or --no-optional), or install it yourself: ' +
      `npm install ${names[0]}\n`,
  );
  process.exit(2);
}

function run() {
  const child = spawn(binaryPath(), process.argv.slice(2), { stdio: 'inherit', windowsHide: true });
  // Ctrl-C reaches hlmsg from the terminal too: let it finish (it removes files being written
  // and exits 130). A signal sent to this process alone is handed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (err) => {
    process.stderr.write(`hlmsg: could not run ${child.spawnfile}: ${err.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 2);
  });
}

if (require.main === module) {
  run();
} else {
  module.exports = { packageName };
}
