/**
 * Proof photo and signature. The service stores them behind a ProofStore once that lands (issue 15: upload endpoints
 * per order); until its OpenAPI document lists them, the driver app offers neither rather than pretend to keep them.
 * Wiring them: capture a photo with `<input type="file" accept="image/*" capture="environment">` and a signature on
 * a canvas (`toBlob('image/png')`), then `uploadProof` queued after the pickup step, with its own Idempotency-Key.
 */
export function proofMediaAvailable(): boolean {
  return false;
}

export async function uploadProof(_orderId: string, _kind: 'photo' | 'signature', _image: Blob, _key: string): Promise<never> {
  throw new Error('Proof uploads are not available on this service yet.');
}
