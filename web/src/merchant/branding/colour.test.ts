import { describe, expect, it } from 'vitest';
import { contrast, logoProblem, readableWithWhite } from './colour';

describe('brand colours', () => {
  it('contrast follows WCAG: black on white is 21, a colour with itself is 1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#1a73e8', '#1a73e8')).toBe(1);
  });

  it('white text is readable on a dark brand colour, not on a light one', () => {
    expect(readableWithWhite('#0b5d4b')).toBe(true);
    expect(readableWithWhite('#ffd700')).toBe(false);
    expect(readableWithWhite('blue')).toBe(false);
  });
});

describe('logos', () => {
  it('PNG, JPEG and WebP up to 256 KB are taken; SVG and bigger files are not', () => {
    expect(logoProblem({ type: 'image/png', size: 256 * 1024 })).toBeUndefined();
    expect(logoProblem({ type: 'image/svg+xml', size: 10 })).toBe('Choose a PNG, JPEG or WebP image.');
    expect(logoProblem({ type: 'image/webp', size: 256 * 1024 + 1 })).toBe('The logo may be at most 256 KB.');
  });
});
