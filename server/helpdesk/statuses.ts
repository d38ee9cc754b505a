export const ticketStatuses = ["new", "open", "waiting_on_customer", "on_hold", "solved", "closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketLevels = ["support", "engineering"] as const;
export type TicketLevel = (typeof ticketLevels)[number];

/** Statuses in which nobody owes the customer anything more: the clocks stop. */
export const doneStatuses: readonly TicketStatus[] = ["solved", "closed"];

export const statusWords: Record<TicketStatus, string> = {
  new: "New",
  open: "Open",
  waiting_on_customer: "Waiting on customer",
  on_hold: "On hold",
  solved: "Solved",
  closed: "Closed",
};
