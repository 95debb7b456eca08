export function routeOf(url: string | undefined): string;
