// The demo page: loads the compiled package's WASM and WebGPU backends (with a progress bar over the
// files they read), runs the typed sentence on both, with exits and at full depth, and shows each token
// coloured by its exit layer, the logits, the FLOPs executed and the time per call.

import { load } from '/pkg/browser.js';

const $ = (id) => document.getElementById(id);
const config = await (await fetch('/config.json')).json();

/** One colour per exit layer, light (early exit) to dark (all layers). */
const colour = (k, L) => `hsl(${210 - 170 * ((k - 1) / Math.max(1, L - 1))}, 70%, ${88 - 45 * ((k - 1) / Math.max(1, L - 1))}%)`;

const isolated = globalThis.crossOriginIsolated === true;
$('isolation').innerHTML = isolated
  ? '<span class="ok">cross-origin isolated: the WASM engine runs on several threads</span>'
  : '<span class="note">not cross-origin isolated (serve with COOP: same-origin and COEP: require-corp): the WASM engine falls back to one thread</span>';

// Progress over every file both backends read, by bytes.
const seen = new Map();
let loading = true; // later reads (the tokenizer on the first run) leave the status line alone
const onProgress = ({ file, loaded, total }) => {
  if (!loading) return;
  seen.set(file, { loaded, total: total ?? loaded });
  let a = 0, b = 0;
  for (const v of seen.values()) { a += v.loaded; b += v.total; }
  $('progress').value = b === 0 ? 0 : a / b;
  $('load-status').textContent = `read ${(a / 1e6).toFixed(1)} of ${(b / 1e6).toFixed(1)} MB (${file})`;
};

const models = [];
const threads = isolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
for (const backend of ['wasm', 'webgpu']) {
  try {
    models.push(await load({ backend, onProgress, ...(backend === 'wasm' ? { threads } : {}) }));
  } catch (e) {
    models.push({ backend, error: e.message });
  }
}
$('progress').value = 1;
loading = false;
const ready = models.filter((m) => !m.error);
const first = ready[0];
if (!first) throw new Error(`no backend could be loaded: ${models.map((m) => `${m.backend}: ${m.error}`).join('; ')}`);
const L = first.arch.layers;
$('model').textContent = `${first.name}: ${L} layers, hidden ${first.arch.hidden}, ${first.arch.heads} heads; head ${first.head.kind}`;
$('load-status').textContent = `loaded: ${models.map((m) => (m.error ? `${m.backend} not available (${m.error})` : `${m.backend} (${m.info})`)).join('; ')}`;
$('legend').innerHTML = 'exit layer: ' + Array.from({ length: L }, (_, i) => `<span style="background:${colour(i + 1, L)}">${i + 1}</span>`).join('');
$('run').disabled = false;
$('run').dataset.ready = 'true';

/** The result of f and the median time of `reps` calls of it (ms). */
const ms = async (f, reps = 5) => {
  const times = [];
  let r;
  for (let i = 0; i < reps; i++) { const t = performance.now(); r = await f(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  return [r, times[reps >> 1]];
};

$('run').addEventListener('click', async () => {
  $('run').disabled = true;
  try {
    const text = $('text').value;
    const { tokens } = await first.tokenize(text);
    const rows = [];
    let result, full;
    for (const m of models) {
      if (m.error) { rows.push(`<tr><td>${m.backend}</td><td colspan="3">not available: ${m.error}</td></tr>`); continue; }
      await m.run(text); // warm-up: the first call compiles and allocates
      const [r, t] = await ms(() => m.run(text));
      const [f, tf] = await ms(() => m.run(text, { fullDepth: true }));
      result ??= r; full ??= f;
      rows.push(`<tr data-backend="${m.backend}"><td>${m.backend}</td><td class="t-exits">${t.toFixed(1)} ms</td><td class="t-full">${tf.toFixed(1)} ms</td><td>${m.info}; median of 5 calls</td></tr>`);
    }
    $('tokens').innerHTML = tokens.map((tok, i) => `<span data-exit="${result.exits[i]}" title="exit layer ${result.exits[i]}" style="background:${colour(result.exits[i], L)}">${tok.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c])}</span>`).join('');
    const logits = Array.from(result.logits ?? []);
    const best = logits.indexOf(Math.max(...logits));
    $('logits').innerHTML = logits.map((v, i) => `<tr${i === best ? ' class="predicted"' : ''}><td>${config.labels?.[i] ?? `label ${i}`}</td><td>${v.toFixed(4)}</td><td>${i === best ? '← predicted' : ''}</td></tr>`).join('');
    $('flops').textContent = `${(result.flops / 1e6).toFixed(2)} MFLOP executed vs ${(full.flops / 1e6).toFixed(2)} at full depth: ${(100 * (1 - result.flops / full.flops)).toFixed(1)}% saved (${(full.flops / result.flops).toFixed(2)}x fewer)`;
    $('timing').innerHTML = '<tr><th>backend</th><th>with exits</th><th>full depth</th><th>engine</th></tr>' + rows.join('');
    $('run').dataset.runs = String(Number($('run').dataset.runs ?? 0) + 1);
  } catch (e) {
    $('flops').textContent = `error: ${e.message}`;
  } finally {
    $('run').disabled = false;
  }
});
