import { openConfiguredStore, runCli } from './open-store.js';

// npm run seed: loads the fictional demo tenants (no-op when they are already there).
await runCli(async (config) => {
  const store = await openConfiguredStore(config);
  try {
    const result = await store.seedDemoData();
    process.stdout.write(
      result.seeded
        ? `Demo data loaded: ${result.tenants} tenants, ${result.workloads} workloads, ${result.dates} start dates.\n`
        : 'Demo data is already there; nothing to do.\n',
    );
    return 0;
  } finally {
    await store.close();
  }
});
