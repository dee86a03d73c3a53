/**
 * A new offer's vibration and short two-tone sound (made with Web Audio: no file to load). Browsers allow sound only
 * after the person touched the page once (starting the shift counts); where they refuse, the vibration and the full
 * screen card remain.
 */
let context: AudioContext | null = null;

export function announceOffer(): void {
  try {
    navigator.vibrate?.([300, 120, 300]);
  } catch {
    // no vibration motor, or not allowed: the card is still there
  }
  try {
    const Audio = window.AudioContext ?? (window as Window & { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Audio) return;
    context ??= new Audio();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.22, 1175]] as const) {
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.4, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
      tone.connect(gain).connect(context.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.22);
    }
  } catch {
    // no audio: the card is still there
  }
}
