// What both browser tests share: their environment and a headless Chromium with a throwaway profile, opened before
// the tests of a file and closed after them.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** The value of a variable the Java test must pass. */
export const env = name => {
  const value = process.env[name];
  assert.ok(value, `environment variable ${name} must be set`);
  return value;
};

/** Registers the hooks; the returned object's `context` is the browser context while the tests run. */
export function headlessChromium({ viewport, deviceScaleFactor, timeout }) {
  const browser = {};
  before(async () => {
    browser.profile = mkdtempSync(join(tmpdir(), 'returnit-chromium-'));
    browser.context = await chromium.launchPersistentContext(browser.profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport,
      deviceScaleFactor,
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
    });
    browser.context.setDefaultTimeout(timeout);
  });
  after(async () => {
    await browser.context?.close();
    if (browser.profile) rmSync(browser.profile, { recursive: true, force: true });
  });
  return browser;
}
