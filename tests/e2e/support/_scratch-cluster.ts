import { startCluster, groupByCalls } from './cluster';
import { openSnapshotStream } from './cluster-stream';
import { Redis } from 'ioredis';
const T0 = Date.now();
const ts = () => `+${Date.now() - T0}ms`;

async function main() {
  const t0 = Date.now();
  const c = await startCluster({ instances: 2, env: { CACHE_TTL_MS: '300000', STAGE_OPTIONS_TTL_MS: '300000' } });
  console.log('started in', Date.now() - t0, c.apps.map((a) => a.url), 'bus', await c.busListeners());
  try {
    const sub = new Redis(c.redis.url); await sub.subscribe('pw:bus'); sub.on('message', (_ch, m) => console.log(ts(), 'BUS', m));
    const cmd = new Redis(c.redis.url);
    const dump = async (label: string) => console.log(ts(), label, JSON.stringify(await cmd.hmget('pw:snap:pipeline', 'gen', 'loaded', 'cur', 'at')), 'gen', await cmd.get('pw:gen:pipeline'));
    const [a, b] = c.apps;
    if (!a || !b) throw new Error('x');
    const sa = await openSnapshotStream(`${a.url}/api/dashboards/pipeline/events`);
    const sb = await openSnapshotStream(`${b.url}/api/dashboards/pipeline/events`);
    await sa.waitFor(() => true); await sb.waitFor(() => true);
    console.log('A', [...(sa.latest()?.counts ?? [])], sa.latest()?.version);
    console.log('B', [...(sb.latest()?.counts ?? [])], sb.latest()?.version);
    const calls0 = await c.appCalls();
    console.log('initial calls', calls0.map((e) => `${e.endpoint}:${e.rootFields.join('+')}`));
    const deals = await c.crm.allDeals();
    const deal = deals.find((d) => d.stage === 'NEW');
    if (!deal) throw new Error('no NEW deal');
    const before = sa.latest()?.counts.get('SCREENING') ?? 0;
    const ia = sa.snapshots.length, ib = sb.snapshots.length;
    await dump('before move'); console.log(ts(), 'MOVE'); await c.crm.updateDeal(deal.id, { stage: 'SCREENING' });
    const t = performance.now();
    const [ra, rb] = await Promise.all([
      sa.waitFor((s) => s.counts.get('SCREENING') === before + 1, { sinceIndex: ia }),
      sb.waitFor((s) => s.counts.get('SCREENING') === before + 1, { sinceIndex: ib }),
    ]);
    console.log('A ms', (ra.at - t).toFixed(0), 'B ms', (rb.at - t).toFixed(0), ra.version === rb.version);
    await new Promise((r) => setTimeout(r, 1500));
    const calls1 = (await c.appCalls()).slice(calls0.length);
    console.log('change calls', calls1.map((e) => `${e.endpoint}:${e.rootFields.join('+')}`), 'groupBy', groupByCalls(calls1));
    console.log('deliveries', c.relay.deliveries.map((d) => `${d.target} ${d.status}`));
    console.log('snapshots A', sa.snapshots.length, 'B', sb.snapshots.length);
    // fresh deal
    const calls2n = (await c.appCalls()).length;
    const newBefore = sa.latest()?.counts.get('NEW') ?? 0;
    const ia2 = sa.snapshots.length, ib2 = sb.snapshots.length;
    await dump('before create'); console.log(ts(), 'CREATE'); const fresh = await c.crm.createDeal({ name: 'Cluster fresh', stage: 'NEW', amount: { amountMicros: 1_000_000_000, currencyCode: 'USD' } });
    const t2 = performance.now();
    const [fa, fb] = await Promise.all([
      sa.waitFor((s) => s.counts.get('NEW') === newBefore + 1, { sinceIndex: ia2 }),
      sb.waitFor((s) => s.counts.get('NEW') === newBefore + 1, { sinceIndex: ib2 }),
    ]);
    console.log('fresh A ms', (fa.at - t2).toFixed(0), 'B ms', (fb.at - t2).toFixed(0));
    await new Promise((r) => setTimeout(r, 1500));
    const calls3 = (await c.appCalls()).slice(calls2n);
    console.log('fresh calls', calls3.map((e) => `${e.endpoint}:${e.rootFields.join('+')}`));
    for (const app of c.apps) { const h = await (await fetch(`${app.url}/api/health`)).json() as { realtime: unknown }; console.log(app.url, JSON.stringify(h.realtime)); }
    console.log('deliveries', c.relay.deliveries.map((d) => `${d.target} ${d.status}`));
    await dump('end'); sub.disconnect(); cmd.disconnect();
    await c.crm.destroyDeal(fresh.id);
    sa.close(); sb.close();
  } finally {
    await c.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
