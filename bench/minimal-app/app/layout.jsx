// The reference for bench/pages.ts: the smallest Next.js app built from Pitwall's own packages.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
