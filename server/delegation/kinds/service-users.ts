/**
 * The unprivileged accounts customer processes (cron jobs, supervised programs) may run as on a
 * managed VM. Root and system accounts are the provider's: a customer job running as them would own
 * the machine.
 */
export const serviceUsers = ["app", "www-data"] as const;
export type ServiceUser = (typeof serviceUsers)[number];

