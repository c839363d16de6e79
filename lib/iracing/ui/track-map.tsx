/** The layers iRacing draws a track map with, bottom to top; other layers it may add are left out. */
const ORDER = ["background", "inactive", "active", "pitroad", "start-finish", "turns"];

/**
 * A track map from iRacing's SVG layers, stacked. The SVGs are loaded as images (never inlined), so nothing from
 * upstream runs or styles the page; the background layer is shown on a light plate so the map reads in both themes.
 */
export function TrackMap({ layers, name }: { layers: Record<string, string>; name: string }) {
  const shown = ORDER.filter((layer) => layers[layer]);
  return (
    <figure className="space-y-1">
      <div className="relative aspect-square w-full max-w-md rounded-lg border border-border bg-white p-2">
        {shown.map((layer, index) => (
          // eslint-disable-next-line @next/next/no-img-element -- upstream SVG layers, stacked; next/image would proxy each
          <img key={layer} src={layers[layer]} alt={index === 0 ? `Map of ${name}` : ""} className="absolute inset-2 h-[calc(100%-1rem)] w-[calc(100%-1rem)] object-contain" />
        ))}
      </div>
      <figcaption className="text-xs text-muted">Layers: {shown.join(", ")}</figcaption>
    </figure>
  );
}
