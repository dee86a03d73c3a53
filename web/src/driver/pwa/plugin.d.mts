import type { Plugin } from 'vite';

export function driverPwa(): Plugin;
