// Installs the front-end dependencies with `npm ci` when node_modules does not match package-lock.json, and does
// nothing otherwise, so repeated Maven builds do not reinstall 150 MB. Run by the Maven build (pom.xml).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const want = createHash('sha256').update(lock).digest('hex');
const stamp = 'node_modules/.gengbao-lock-sha256';
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (have !== want) {
  console.log('gengbao-web: npm ci (package-lock.json changed or node_modules missing)');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
  writeFileSync(stamp, want + '\n');
} else {
  console.log('gengbao-web: node_modules matches package-lock.json');
}
