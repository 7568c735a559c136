/// <reference path="./parse-prometheus-text-format.d.ts" />
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format'

/** One time series of a scrape: a sample line's name, labels and value. */
export interface PrometheusSeries {
  name: string
  labels: Record<string, string>
  value: number
}

/**
 * A scrape as Prometheus reads it, through a real text-format parser. The parser folds a labelled
 * histogram's samples into one (losing its labels), so series are read a second time with the
 * histograms' TYPE lines left out: each `_bucket`, `_sum` and `_count` line is then a sample of its own.
 */
export class Scrape {
  /** Every family with its type and help, as parsed from the text as served. */
  readonly families: PrometheusFamily[]
  readonly series: PrometheusSeries[]

  constructor(text: string) {
    this.families = parsePrometheusTextFormat(text)
    const untypedHistograms = text.replace(/^# TYPE \S+ histogram$/gm, '')
    this.series = parsePrometheusTextFormat(untypedHistograms).flatMap((family) =>
      family.metrics.map((sample) => ({
        name: family.name,
        labels: sample.labels ?? {},
        value: Number(sample.value),
      })),
    )
  }

  family(name: string): PrometheusFamily | undefined {
    return this.families.find((family) => family.name === name)
  }

  /** The series named `name` whose labels include `labels`. */
  matching(name: string, labels: Record<string, string> = {}): PrometheusSeries[] {
    return this.series.filter(
      (series) =>
        series.name === name && Object.entries(labels).every(([key, value]) => series.labels[key] === value),
    )
  }

  /** The value of the one series `name` with `labels`, undefined without one. */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    const found = this.matching(name, labels)
    if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)}: ${found.length} series match`)
    return found[0]?.value
  }

  /** How many observations the histogram `name` with `labels` holds (0 before its first). */
  count(name: string, labels: Record<string, string> = {}): number {
    return this.value(`${name}_count`, labels) ?? 0
  }
}
