import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password";
import { customerRoles, staffRoles } from "@/server/auth/roles";

export const roleSchema = z.enum([...staffRoles, ...customerRoles]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Use 1–40 lowercase letters, digits and dashes, e.g. acme-gmbh.");

const orgName = z.string().trim().min(2, "An org name needs at least 2 characters.").max(80);
const personName = z.string().trim().min(1, "Enter the person's name.").max(120);
const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).pipe(z.string().max(254));
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

export const orgIdInput = z.object({ orgId: z.uuid() });
export const userIdInput = z.object({ userId: z.uuid() });

export const orgDirectoryInput = z.object({
  search: z.string().trim().max(80).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
});

export const createOrgInput = z.object({ name: orgName, slug: slugSchema.optional() });
export const renameOrgInput = z.object({ orgId: z.uuid(), name: orgName });

export const createUserInput = z.object({
  email,
  name: personName,
  orgId: z.uuid(),
  role: roleSchema,
  /** Left out: a temporary password is generated, shown once, and must be changed at first use. */
  password: password.optional(),
});

export const updateUserInput = z.object({
  userId: z.uuid(),
  name: personName.optional(),
  disabled: z.boolean().optional(),
});

export const setMembershipInput = z.object({ userId: z.uuid(), orgId: z.uuid(), role: roleSchema });
export const removeMembershipInput = z.object({ userId: z.uuid(), orgId: z.uuid() });
export const listUsersInput = z.object({ search: z.string().trim().max(100).optional() }).default({});

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: password });
