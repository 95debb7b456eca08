import { ListSkeleton } from "@/components/incidents/list-skeleton";

export default function PostmortemLoading() {
  return <ListSkeleton label="Loading the postmortem…" rows={9} />;
}
