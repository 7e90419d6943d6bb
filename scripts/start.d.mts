// scripts/start.mjs is plain JavaScript (it stays alive beside the server and loads no TypeScript loader); it exports nothing.
export {};
