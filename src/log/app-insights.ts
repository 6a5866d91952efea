import type { Logger } from './logger.js';

/**
 * Optional Azure Application Insights: off unless APPLICATIONINSIGHTS_CONNECTION_STRING is set.
 * Loaded only then (it patches http and the like), before the server starts. Console collection
 * stays off: the structured logs go to stdout, where nothing secret is written.
 */
export async function startAppInsights(
  connectionString: string | undefined,
  logger: Logger,
): Promise<boolean> {
  if (!connectionString) return false;
  const { default: appInsights } = await import('applicationinsights');
  appInsights
    .setup(connectionString)
    .setAutoCollectConsole(false)
    .setAutoCollectRequests(true)
    .setAutoCollectDependencies(true)
    .setAutoCollectExceptions(true)
    .setSendLiveMetrics(false)
    .start();
  logger.info('Application Insights telemetry on');
  return true;
}
