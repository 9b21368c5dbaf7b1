/**
 * The Home specs' channels and data: a channel an admin subscribed in the stand-in Slack team, a
 * thousand channels round the stories, and the truce with a deadline that is reported later.
 */
import type { Dataset } from "../../src/dataset/dataset.js";
import type { Store, SubscriptionKind } from "../../src/store/store.js";
import { STANDIN_BOT } from "./standins/slack.js";
import { DURING, withEvidence } from "./story.js";
import { datasetOf, truceStory } from "./truce.js";

/** U0ADMIN subscribed #C0NEWS of the stand-in Slack team to everything of gaza-2025, at DURING. */
export async function subscribeNewsChannel(store: Pick<Store, "subscribe">): Promise<void> {
  await store.subscribe(
    {
      platform: "slack",
      workspaceId: STANDIN_BOT.team_id,
      channelId: "C0NEWS",
      story: "gaza-2025",
      kind: "all",
      leadTimes: undefined,
      userId: "U0ADMIN",
    },
    new Date(DURING),
  );
}

/**
 * `count` Slack channels (C00000000, C00000001 …) subscribed by `userId` to the stories in turn, each
 * with four lead times of its own: a Home at the limits of a view.
 */
export async function subscribeManyChannels(
  store: Pick<Store, "subscribe">,
  many: {
    count: number;
    storyIds: readonly string[];
    workspaceId: string;
    kind: SubscriptionKind;
    userId: string;
    at: string;
  },
): Promise<void> {
  for (let i = 0; i < many.count; i++) {
    await store.subscribe(
      {
        platform: "slack",
        workspaceId: many.workspaceId,
        channelId: `C${String(i).padStart(8, "0")}`,
        story: many.storyIds[i % many.storyIds.length] ?? "",
        kind: many.kind,
        leadTimes: ["1d", "2h", "30m", "3d"],
        userId: many.userId,
      },
      new Date(many.at),
    );
  }
}

/** The truce with a deadline first reported on 20 February: the elections in the North, due 15 March. */
export function truceWithElections(): Dataset {
  return datasetOf(
    truceStory((s) => {
      s.deadlines.push(
        withEvidence({
          id: "elections",
          title: "Elections in the North",
          phrase: "The elections are due",
          due: "2025-03-15",
          status: "scheduled",
          sourceIds: ["s-0220"],
        }),
      );
    }),
  );
}
