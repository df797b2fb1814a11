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
};
module.exports = nextConfig;
