// Built and served by bench/pages.ts as the reference page; its build lives in .next-minimal (ignored by git).
const config = { distDir: ".next-minimal", poweredByHeader: false };

export default config;
