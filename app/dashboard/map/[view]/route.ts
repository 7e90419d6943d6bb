import { renderBaseMap } from "@/lib/dashboard/geo/base-map";
import { MAP_VIEWS, type MapView } from "@/lib/dashboard/geo/projections";

// The dashboard map's geography: drawn once at build time, then a static file.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return MAP_VIEWS.map((view) => ({ view: `${view}.svg` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ view: string }> }) {
  const view = (await params).view.replace(/\.svg$/, "") as MapView;
  if (!MAP_VIEWS.includes(view)) return new Response("Not found", { status: 404 });
  return new Response(renderBaseMap(view), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
