/**
 * Proof photo and signature, stored by the service (`POST /v1/orders/{id}/proof/photos`, `/proof/signature`; 2 MB
 * and 256 KB by default). A camera photo is scaled down on the phone first (longest side 1600 px, JPEG), so it fits
 * and uploads quickly on a weak connection; both are queued like every other step.
 */
const LONGEST = 1600;
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** A photo as the service takes it: scaled to 1600 px at most, JPEG; the original when the browser cannot scale it. */
export async function preparePhoto(file: Blob): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, LONGEST / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    for (const quality of [0.85, 0.7, 0.5]) {
      const blob = await new Promise<Blob | null>(resolve => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= MAX_PHOTO_BYTES) return blob;
    }
  } catch {
    // not an image the browser can draw: the service will say so
  }
  return file;
}

/** The signature pad's drawing as a PNG. */
export function signatureImage(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
}
