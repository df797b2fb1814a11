/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Parallel test runs on one machine build into separate folders (NEXT_DIST_DIR=.next-e2e-2 …).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // `NEXT_OUTPUT=standalone npm run build` makes a self-contained server for deployment (docs/deploy.md).
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // tsc runs in `npm test`; skipping Next's second type check saves ~6 s a build.
  typescript: { ignoreBuildErrors: true },
  // Route types come in through next-env.d.ts imports of the dist dir just built, instead of an
  // `include` entry per dist dir, which `next build` would otherwise add to tsconfig.json for every
  // NEXT_DIST_DIR (parallel test builds each use their own).
  experimental: { strictRouteTypes: true },
};
module.exports = nextConfig;
