import * as lucide from "lucide-react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import plugin from "tailwindcss/plugin";

/*
 * `i-<lucide-name>` utilities (`i-boxes`, `i-calendar-clock`): the icon as a CSS mask in
 * the stylesheet, which the browser caches, instead of an inline <svg> repeated in every
 * page's markup. Pair with `.icon` (globals.css), which paints the mask in currentColor.
 * Tailwind emits only the names it finds in the source, so unused icons cost nothing.
 */
const kebab = (name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([a-z])([0-9])/g, "$1-$2")
    .toLowerCase();

function maskOf(Component) {
  const svg = renderToStaticMarkup(createElement(Component, { color: "black" }))
    .replace(/ class="[^"]*"/, "")
    .replace(/ (width|height)="24"/g, "");
  return `url("data:image/svg+xml,${encodeURIComponent(svg).replace(/%20/g, " ").replace(/%3D/g, "=").replace(/%3A/g, ":").replace(/%2F/g, "/").replace(/%22/g, "'")}")`;
}

const icons = new Map();
for (const [name, Component] of Object.entries(lucide)) {
  // Each icon is exported under several names; the bare PascalCase one is enough.
  if (
    !/^[A-Z]/.test(name) ||
    name.endsWith("Icon") ||
    name.startsWith("Lucide") ||
    typeof Component !== "object"
  )
    continue;
  icons.set(kebab(name), Component);
}

export default plugin(({ matchUtilities }) => {
  matchUtilities(
    { i: (name) => ({ "--icon": maskOf(icons.get(name)) }) },
    { values: Object.fromEntries([...icons.keys()].map((name) => [name, name])) },
  );
});
