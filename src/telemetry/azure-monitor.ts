/**
 * Application Insights through OpenTelemetry (`@azure/monitor-opentelemetry`), on only when
 * `APPLICATIONINSIGHTS_CONNECTION_STRING` is set. `src/index.ts` imports this module dynamically, and only then,
 * before it imports the app: OpenTelemetry's http instrumentation patches `http` as the modules that use it
 * (restify, botbuilder's connector, the Azure SDK) are loaded, so loading them first would leave requests untraced.
 *
 * What leaves the process is scrubbed as the log is: every span's attributes, event attributes and name go through
 * the logger's redaction (secrets by name, JWTs, `Bearer ...`, URLs with a query string, `data:` URIs, bytes), and
 * URL query attributes are dropped, before the exporter's batch sees the span. Live Metrics stays off: it keeps a
 * connection to a Microsoft endpoint open for a portal view nobody here needs. The exporter only speaks https: an
 * `IngestionEndpoint` given as http:// is turned into https:// by it.
 */
import {
  shutdownAzureMonitor,
  useAzureMonitor,
  type AzureMonitorOpenTelemetryOptions,
} from '@azure/monitor-opentelemetry';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { REDACTED, redactText, redactValue, type LogFields } from '../logger.js';

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];
type EndedSpan = Parameters<SpanProcessor['onEnd']>[0];
type Attributes = Record<string, unknown>;

/** Attributes that hold a URL's query string alone: dropped whatever they look like. */
const QUERY_ATTRIBUTE = /(^|\.)query$/i;
/** OpenTelemetry's semantic-convention attributes that hold a request's URL or path. */
const URL_ATTRIBUTE = /^(url\.full|url\.path|http\.url|http\.target)$/;

export interface Telemetry {
  /** The active trace's ids, for the logger to add to each line (`traceId`, `spanId`), or nothing outside a trace. */
  logContext(): LogFields | undefined;
  /** Flushes what is buffered and stops; the exporter's own time-outs bound it. */
  shutdown(): Promise<void>;
}

/**
 * Starts Azure Monitor's OpenTelemetry distribution once.
 * @param connectionString Application Insights' connection string (its `IngestionEndpoint` decides where data goes)
 */
export function startTelemetry(connectionString: string): Telemetry {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    // Every request is kept (a chat bot's traffic is small): the distribution's default, a rate limit of 5 traces a
    // second, starts with no credit and drops the first requests after a start, which are the ones worth seeing.
    tracesPerSecond: 0,
    samplingRatio: 1,
    spanProcessors: [redactingSpanProcessor()],
  });
  return {
    logContext() {
      const span = trace.getActiveSpan();
      if (!span) return undefined;
      const context = span.spanContext();
      return isSpanContextValid(context) ? { traceId: context.traceId, spanId: context.spanId } : undefined;
    },
    shutdown: () => shutdownAzureMonitor(),
  };
}

/** A span processor that masks, in place and before export, whatever the logger would not write. */
export function redactingSpanProcessor(): SpanProcessor {
  return {
    onStart: () => undefined,
    onEnd(span: EndedSpan) {
      scrub(span.attributes);
      for (const event of span.events) {
        if (event.attributes) scrub(event.attributes);
      }
      // The name is readonly in the type only; an outgoing request's span can be named after its URL.
      (span as { name: string }).name = redactText(span.name);
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}

/** Masks one attribute map in place (exported for the tests). */
export function scrub(attributes: Attributes): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (QUERY_ATTRIBUTE.test(key)) {
      attributes[key] = REDACTED;
      continue;
    }
    // OpenTelemetry's own URL attributes (url.full, http.url, http.target, url.path) keep a URL's path, what makes a
    // trace readable, but never its query string (a pre-signed download's signature lives there). Other
    // URL-named attributes go the logger's way: dropped.
    const safe =
      URL_ATTRIBUTE.test(key) && typeof value === 'string'
        ? redactText(value.replace(/[?#][\s\S]*$/, ''))
        : redactValue(key, value);
    attributes[key] =
      typeof safe === 'object' && safe !== null && !Array.isArray(safe) ? JSON.stringify(safe) : safe;
  }
}
