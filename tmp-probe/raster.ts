import { Resvg } from '@resvg/resvg-js';
import { renderSalesChartSvg } from '../src/adapters/charts/index.js';
import { outlineSvgText } from '../src/adapters/charts/text-outliner.js';
import { encodeRgbaPng } from '../src/adapters/charts/png-encoder.js';
import { addDays } from '../src/core/inventory/index.js';
const days = (n:number, seed:number) => Array.from({length:n},(_, i)=>({date: addDays('2026-11-01', i), revenuePaise: 150000 + (((i+1)*(seed+3)*7919993)%200000)}));
const svg = renderSalesChartSvg({days: days(7, 1), title: 'This week (16–22 Nov)', lang: 'en'});
const out = await outlineSvgText(svg);
console.log('svg bytes', svg.length, 'outlined', out.length, 'paths', (out.match(/<path/g)||[]).length);
for (const mode of ['geometricPrecision','optimizeSpeed','crispEdges'] as const) {
 for (let r=0;r<3;r++){
  let tp=0,tr=0,te=0;
  for (let i=0;i<20;i++){
    let t=performance.now();
    const rv = new Resvg(out,{background:'#ffffff', fitTo:{mode:'original'}, font:{loadSystemFonts:false}, shapeRendering: mode==='geometricPrecision'?2:mode==='optimizeSpeed'?0:1 } as any);
    tp+=performance.now()-t; t=performance.now();
    const img = rv.render(); tr+=performance.now()-t; t=performance.now();
    encodeRgbaPng(img.pixels, img.width, img.height); te+=performance.now()-t;
  }
  console.log(mode, 'parse', (tp/20).toFixed(2), 'render', (tr/20).toFixed(2), 'encode', (te/20).toFixed(2));
 }
}
