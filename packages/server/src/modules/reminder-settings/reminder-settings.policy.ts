/** Who may change a plan's 催办 settings is decided in the domain. */
export { reminderSettingsAbilities } from "@duban/domain";
