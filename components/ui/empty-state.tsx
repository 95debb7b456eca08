import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Icon, type IconName } from "./icon";

/** `icon` is best an icon class (`i-boxes`): a lucide component costs its SVG data twice on a server-rendered page. */
export function EmptyState({
  icon,
  title,
  children,
}: {
  icon: IconName | LucideIcon;
  title: string;
  children?: ReactNode;
}) {
  const Lucide = typeof icon === "string" ? null : icon;
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-6 py-12 text-center">
      {Lucide ? (
        <Lucide className="size-8 text-muted-foreground" aria-hidden />
      ) : (
        <Icon name={icon as IconName} className="size-8 text-muted-foreground" />
      )}
      <p className="font-medium">{title}</p>
      {children ? <div className="max-w-md text-sm text-muted-foreground">{children}</div> : null}
    </div>
  );
}
