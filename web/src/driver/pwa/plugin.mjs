// The driver app's PWA files, written beside the build (used by vite.config.ts): its web manifest and icon, and its
// service worker (sw.js) with the release and the app shell it keeps filled in: the entry with what it imports, and
// the driver face with everything it may load (the map included), so a driver's phone starts the app offline.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const dir = new URL('./', import.meta.url);

/** @returns {import('vite').Plugin} */
export function driverPwa() {
  return {
    name: 'returnit-driver-pwa',
    apply: 'build',
    generateBundle(_options, bundle) {
      const shell = new Set();
      const visit = (fileName, dynamic) => {
        const output = bundle[fileName];
        if (!output || shell.has(fileName)) return;
        shell.add(fileName);
        if (output.type !== 'chunk') return;
        output.viteMetadata?.importedCss.forEach(css => shell.add(css));
        output.imports.forEach(child => visit(child, dynamic));
        if (dynamic) output.dynamicImports.forEach(child => visit(child, dynamic));
      };
      const chunks = Object.values(bundle).filter(output => output.type === 'chunk');
      const entry = chunks.find(chunk => chunk.isEntry);
      const driver = chunks.find(chunk => chunk.facadeModuleId?.endsWith('/src/driver/DriverApp.tsx'));
      if (!entry || !driver) this.error('driver-pwa: the entry or the driver face is missing from the build');
      visit(entry.fileName, false);
      visit(driver.fileName, true);
      const files = ['/favicon.svg', '/driver-icon.svg', '/driver.webmanifest', ...[...shell].sort().map(file => `/${file}`)];
      const release = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const worker = readFileSync(new URL('sw.js', dir), 'utf8')
        .replace('__RELEASE__', JSON.stringify(release))
        .replace('__SHELL__', JSON.stringify(files));
      this.emitFile({ type: 'asset', fileName: 'driver-sw.js', source: worker });
      this.emitFile({ type: 'asset', fileName: 'driver.webmanifest', source: readFileSync(new URL('manifest.json', dir), 'utf8') });
      this.emitFile({ type: 'asset', fileName: 'driver-icon.svg', source: readFileSync(new URL('icon.svg', dir), 'utf8') });
    },
  };
}
