import { ListSkeleton } from "@/components/incidents/list-skeleton";

export default function PostmortemsLoading() {
  return <ListSkeleton label="Loading postmortems…" />;
}
