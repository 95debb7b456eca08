import { ListSkeleton } from "@/components/incidents/list-skeleton";

export default function ActionItemsLoading() {
  return <ListSkeleton label="Loading action items…" />;
}
