import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, MSTL } from '@bsull/augurs/mstl';
import type { PeerForecaster } from '../../core/forecasting/model-ports.js';

// MSTL with a weekly period and an AutoETS trend from @bsull/augurs. Its AutoETS alone has no seasonal
// models (seasonal specs fail with "no model found"), so MSTL carries the weekday pattern.

let initialised = false;

function initAugurs(): void {
  if (initialised) return;
  const require = createRequire(import.meta.url);
  const jsPath = require.resolve('@bsull/augurs/mstl');
  initSync({ module: readFileSync(jsPath.replace(/\.js$/, '_bg.wasm')) });
  initialised = true;
}

export interface AugursPeerOptions {
  /** Only the latest days are fitted: older history adds cost and little signal for a 28-day horizon. */
  maxHistory?: number;
}

export function createAugursEtsPeer(options: AugursPeerOptions = {}): PeerForecaster {
  initAugurs();
  const maxHistory = options.maxHistory ?? 364;
  return {
    name: 'mstl_autoets',
    forecast(history: readonly number[], horizon: number): number[] {
      const y = history.slice(-maxHistory);
      if (y.length < 21) {
        const level = y.reduce((a, b) => a + b, 0) / Math.max(1, y.length);
        return new Array<number>(horizon).fill(level);
      }
      const model = MSTL.ets([7]);
      try {
        model.fit(Float64Array.from(y));
        return model.predict(horizon).point.map((v) => (Number.isFinite(v) ? Math.max(0, v) : 0));
      } catch {
        // A degenerate history (all zeros) can fail to fit; its forecast is the recent level.
        const level = y.slice(-28).reduce((a, b) => a + b, 0) / Math.min(28, y.length);
        return new Array<number>(horizon).fill(level);
      } finally {
        model.free();
      }
    },
  };
}
