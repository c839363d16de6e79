// Built and served by bench/pages.ts as the reference page; its build lives in .next-minimal (ignored by git).
export default { distDir: ".next-minimal", poweredByHeader: false };
