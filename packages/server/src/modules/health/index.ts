// The health module's public face: nothing beyond its route, which app.ts registers.
export {};
