// Verifies webhooks captured by StandardWebhooksInteropTests with the reference Standard Webhooks library.
// Input: a JSON file (argv[2]) of [{name, secret, headers, body, expect: "valid" | "invalid"}].
// Prints one line per case and exits non-zero if any case does not verify as expected.
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failures = 0;
for (const c of cases) {
  let outcome;
  try {
    new Webhook(c.secret).verify(c.body, c.headers);
    outcome = "valid";
  } catch (e) {
    outcome = "invalid (" + e.message + ")";
  }
  const ok = outcome.startsWith(c.expect);
  if (!ok) failures++;
  console.log(`${ok ? "ok    " : "FAILED"} ${c.name}: ${outcome}, expected ${c.expect}`);
}
console.log(`${cases.length - failures}/${cases.length} as expected`);
process.exit(failures === 0 && cases.length > 0 ? 0 : 1);
