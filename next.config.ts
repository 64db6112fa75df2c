import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database drivers and WebAssembly packages stay with Node instead of the bundler.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for roles that may not open a page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
