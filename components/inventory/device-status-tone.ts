/** Badge tones for device states, shared by the hardware list and a device's page. */
export const deviceStatusTone = { active: "good", maintenance: "warn", failed: "bad", retired: "neutral" } as const;
