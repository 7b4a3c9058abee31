/**
 * The two settings of telemetry: the log format (JSON in production, readable text in local mode, or as
 * `LOG_FORMAT` says) and Application Insights' connection string (off when unset, and never in the logged summary).
 */
import { describeConfig, loadConfig } from '../../src/config.js';

const PRODUCTION = { BOT_ID: 'id', BOT_PASSWORD: 'pw' };
const CONNECTION =
  'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';

describe('telemetry configuration', () => {
  it('writes JSON lines in production and text in local mode, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({}).logFormat).toBe('text');
    expect(loadConfig(PRODUCTION).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ ...PRODUCTION, LOG_FORMAT: 'text' }).logFormat).toBe('text');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('turns Application Insights on only with a connection string, and never logs it', () => {
    expect(loadConfig({}).telemetry).toBeNull();
    const config = loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION });
    expect(config.telemetry).toEqual({ connectionString: CONNECTION });
    const summary = describeConfig(config);
    expect(summary).toContain('telemetry=application-insights');
    expect(summary).not.toContain('00000000-0000-0000-0000-000000000000');
    expect(describeConfig(loadConfig({}))).toContain('telemetry=off');
    expect(() => loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'not a connection string' })).toThrow(
      /APPLICATIONINSIGHTS_CONNECTION_STRING/,
    );
  });
});
