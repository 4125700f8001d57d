// Image benchmark: the size of the container image beside its base image's, both as the engine
// reports them (`docker image inspect`, .Size), so the figure is what `docker images` shows.
// The base is the one the image was built from (its org.opencontainers.image.base.name label).
// Skipped, with the reason, where no engine answers or the image is absent.
// Usage: node bench/run.mjs --only image   (env: CSWM_IMAGE, default crowdsec-webhook-mock:test)
import { execFileSync } from 'node:child_process';

const IMAGE = process.env.CSWM_IMAGE ?? 'crowdsec-webhook-mock:test';

function inspect(image) {
  const out = execFileSync('docker', ['image', 'inspect', '--format', '{{json .}}', image], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 30_000,
  });
  return JSON.parse(out);
}

const mb = (bytes) => bytes / 1_000_000;

export async function run() {
  let image;
  let base;
  let baseName;
  try {
    image = inspect(IMAGE);
    baseName = image.Config?.Labels?.['org.opencontainers.image.base.name'];
    if (!baseName) throw new Error(`${IMAGE} has no base image label`);
    base = inspect(baseName);
  } catch (error) {
    const reason = `skipped: ${IMAGE} or its base is not on a Docker engine here (scripts/ci/build-image.sh builds both)`;
    return {
      rows: [{ name: 'image size', value: reason }],
      figures: { skipped: String(error.message ?? error) },
    };
  }
  const ratio = image.Size / base.Size;
  return {
    rows: [
      { name: `base ${baseName}`, value: mb(base.Size), unit: 'MB' },
      { name: `image ${IMAGE}`, value: mb(image.Size), unit: 'MB' },
      {
        name: 'added by cswm (app + production dependencies)',
        value: mb(image.Size - base.Size),
        unit: 'MB',
      },
      { name: 'image / base', value: ratio, unit: 'x' },
    ],
    figures: { image: IMAGE, base: baseName, imageBytes: image.Size, baseBytes: base.Size, ratio },
  };
}
