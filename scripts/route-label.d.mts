export const ROUTE_LABEL: unique symbol;
export type Routes = { label: string; exact?: string; regex?: RegExp }[];
export function loadRoutes(distDir: string): Routes | null;
export function routeOf(
  url: string | undefined,
  options?: { routes?: Routes | null; status?: number },
): string;
