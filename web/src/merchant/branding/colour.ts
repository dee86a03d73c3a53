/** Brand colours as the service takes them (#rrggbb), and whether text on them can be read (WCAG 2 contrast). */
export const HEX = /^#[0-9a-fA-F]{6}$/;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White text on the colour passes AA for normal text (4.5:1): buttons in the colour stay readable. */
export function readableWithWhite(hex: string): boolean {
  return HEX.test(hex) && contrast(hex, '#ffffff') >= 4.5;
}

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
export const LOGO_MAX_BYTES = 256 * 1024;

/** What is wrong with a logo file before sending it (the service checks the same, and the bytes too). */
export function logoProblem(file: { type: string; size: number }): string | undefined {
  if (!LOGO_TYPES.includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > LOGO_MAX_BYTES) return 'The logo may be at most 256 KB.';
  return undefined;
}
