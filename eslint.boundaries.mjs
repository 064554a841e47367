// The import boundaries between core and the three faces (client, server, cli). Filled in with the core layout
// change; eslint.config.mjs spreads this list.
export default [];
