/** The names of the threads and forum posts alerts start. */
export const en = {
  "threads.name": "{thread} · {story}",
  "threads.news": "News, {month}",
  "threads.alerts": "Alerts",
} as const;
