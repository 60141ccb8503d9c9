import { writeFileSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import { parse, View } from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import type { IntakeResult } from './intake.js'
import { TARGETS } from './report.js'
import { cdfPoints } from './stats.js'

const TARGET_NAMES = { herald: 'Herald API', bare: 'bare Fastify' } as const
const MODE_NAMES = { saturated: 'saturated', 'fixed-rate': '1,000/s offered' } as const
/** The x axis ends at 99.99 %; the maximum is drawn there too. */
const MAX_NINES = 4

/** One point per (series, quantile): what the chart draws. */
function pointsOf (intake: IntakeResult): Array<Record<string, unknown>> {
  return intake.runs.flatMap((run) => {
    return cdfPoints(run.ascending).map(({ ms, fraction }) => ({
      server: TARGET_NAMES[run.target],
      load: MODE_NAMES[run.mode],
      // a log axis cannot show 0 ms
      ms: Math.max(ms, 0.01),
      // "nines": 1 at 90 %, 2 at 99 %, 3 at 99.9 %
      nines: Math.min(MAX_NINES, -Math.log10(Math.max(1e-9, 1 - fraction)))
    }))
  })
}

function specOf (intake: IntakeResult): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Intake latency by percentile, POST /api/webhook/',
      subtitle: `dashed: the ${TARGETS.p99AtFixedRateMs} ms p99 target at 1,000/s`
    },
    width: 640,
    height: 360,
    background: 'white',
    config: { legend: { labelLimit: 0 } },
    layer: [
      {
        data: { values: pointsOf(intake) },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x: {
            field: 'nines',
            type: 'quantitative',
            title: 'percentile',
            scale: { domain: [0, MAX_NINES] },
            axis: {
              values: [0, 1, 2, 3, 4],
              labelExpr: "['0', '90', '99', '99.9', '99.99'][datum.value]"
            }
          },
          y: {
            field: 'ms',
            type: 'quantitative',
            title: 'latency (ms, log scale)',
            scale: { type: 'log' }
          },
          color: { field: 'server', type: 'nominal', title: 'server' },
          strokeDash: { field: 'load', type: 'nominal', title: 'load' }
        }
      },
      {
        data: { values: [{ ms: TARGETS.p99AtFixedRateMs, nines: 2 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' },
        encoding: { y: { field: 'ms', type: 'quantitative' } }
      }
    ]
  }
}

/**
 * Draws the latency of every intake run by percentile (a log axis, so
 * the tail shows) with Vega-Lite to SVG, then resvg to PNG.
 */
export async function plotIntakeLatency (
  intake: IntakeResult,
  path: string
): Promise<void> {
  const view = new View(parse(compile(specOf(intake)).spec), { renderer: 'none' })
  const svg = await view.toSVG()
  view.finalize()
  const png = new Resvg(svg, {
    font: { loadSystemFonts: true },
    fitTo: { mode: 'zoom', value: 2 }
  }).render().asPng()
  writeFileSync(path, png)
}
