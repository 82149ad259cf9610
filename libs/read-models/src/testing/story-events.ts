import { fundingStory, type StoryEvent } from './funding-story';

/** The events of one funding story by type (the first of each), for projection specs. */
export const storyEvent = (type: string, which = 0): StoryEvent => {
  const found = fundingStory(1).filter((event) => event.type === type)[which];
  if (!found) throw new Error(`the funding story has no ${type} #${which}`);
  return found;
};

/** Another event of a story's stream (an event the story itself does not tell). */
export const onStream = (like: StoryEvent, type: string, data: Record<string, unknown>): StoryEvent => ({
  streamId: like.streamId,
  type,
  data,
});
