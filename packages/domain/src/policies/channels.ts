import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** What the actor may do with one channel setting: change it. */
export const channelAbilitiesSchema = z.object({ update: z.boolean() });
/** What the actor may do with one channel setting. */
export type ChannelAbilities = z.infer<typeof channelAbilitiesSchema>;

/** What the channel settings page offers the actor: set up a channel not yet configured. */
export const channelListAbilitiesSchema = z.object({ create: z.boolean() });
/** What the channel settings page offers the actor. */
export type ChannelListAbilities = z.infer<typeof channelListAbilitiesSchema>;

/** Channel settings hold SMTP passwords and robot secrets, and the log shows where messages went: admins only. */
export function canManageChannels(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin");
}

/** Administrators change every channel setting. */
export function channelAbilities(actor: PolicyActor): ChannelAbilities {
  return { update: canManageChannels(actor) };
}

/** Administrators set up channels. */
export function channelListAbilities(actor: PolicyActor): ChannelListAbilities {
  return { create: canManageChannels(actor) };
}
