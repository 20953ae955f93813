import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { ensureSecret } from './platform/crypto/secrets.js';
import { migrate } from './platform/db/migrator.js';
import { openDatabase } from './platform/db/open.js';
import { seedConfiguratorFamilies } from './seed/configurator/families.js';
import { seedDemoData } from './seed/demo.js';
import { seedDemoOrders } from './seed/orders.js';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  await migrate(db);
  await db.transaction((tx) => seedConfiguratorFamilies(tx));
  const freshDemo = config.SEED_DEMO === 'auto' && (await seedDemoData(db));
  const jwtSecret = await ensureSecret(db, 'jwt', config.JWT_SECRET);
  const app = await buildApp({ config, db, jwtSecret, startJobs: true, webDist: config.webDist });
  // Orders are made through the API (real BOMs, reservations, history), once, on a fresh demo.
  if (freshDemo && config.DEMO_ORDERS === 'auto') await seedDemoOrders(app, db, (msg) => app.log.info(msg));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ engine: db.engine, dataDir: config.dataDir }, 'PlantOps is listening');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
