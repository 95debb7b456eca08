"use client";

import { useQuery } from "@tanstack/react-query";
import { teamChoicesAction } from "@/lib/catalog/team-choices-action";

/**
 * The teams the person may move services to or share a view with, asked for once the
 * picker is about to be used (`wanted`) and kept for the visit: the catalog page does not
 * carry them, as an admin's list of every team would double its weight.
 */
export function useTeamChoices(wanted: boolean) {
  const query = useQuery({
    queryKey: ["team-choices"],
    queryFn: () => teamChoicesAction(),
    enabled: wanted,
    staleTime: 5 * 60_000,
  });
  return { teams: query.data ?? [], loading: wanted && query.isPending };
}
