// Runs benchmarks by name: `npm run bench -- store`; with no name, every registered one.
const BENCHES: Record<string, () => Promise<void>> = {
  // Imported on demand, so one benchmark's peers and data are not loaded for another.
  'modbus-decode': async () => {
    const { run } = await import('./modbus-decode.js');
    run();
  },
  decode: async () => {
    const { run } = await import('./decode.js');
    await run();
  },
  store: async () => {
    const { run } = await import('./store.js');
    await run();
  },
};

const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}: choose from ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
  console.log(`== bench ${name}`);
  await BENCHES[name]?.();
}
