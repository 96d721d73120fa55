// The guided exercises of the three practices, written for Mutual. Plain, warm, never diagnosing.
import type { PracticeExercise } from "./exercise-types.js";

export const PRACTICE_EXERCISES: readonly PracticeExercise[] = [
  // Speaking up: noticing what you think and need, and saying it kindly.
  {
    id: "speak-up-notice-the-swallowed-words",
    practice: "speak-up",
    title: "Notice the words you swallow",
    summary: "For a few days, catch the moments you hold back an opinion or a need, without judging yourself.",
    minutes: 10,
    steps: [
      "Pick three days this week to pay a little extra attention.",
      "Each time you notice you keep quiet about a wish, a worry or a view, jot down a few words about it.",
      "Next to each note, write what you expected would happen if you had said it.",
      "At the end of the three days, read your notes and circle one that still matters to you.",
    ],
    reflectionPrompt: "What did you most often keep to yourself, and what were you hoping to protect by staying quiet?",
    isJoint: false,
  },
  {
    id: "speak-up-draft-it-first",
    practice: "speak-up",
    title: "Draft it before you say it",
    summary: "Put one thing you would like to raise into a short, calm sentence you can stand behind.",
    minutes: 15,
    steps: [
      "Choose one small thing you would like to be different, or one thing you would like your partner to know.",
      'Write it as a sentence that starts with "I": what you feel, and what you would like.',
      'Read it back and take out any blame or any "always" and "never".',
      "Say it out loud to yourself once or twice, until it sounds like you.",
      "Decide whether, when and where you would want to share it. Keeping it for now is fine too.",
    ],
    reflectionPrompt: "How did it feel to put your view into your own words? What surprised you?",
    isJoint: false,
  },
  {
    id: "speak-up-small-ask",
    practice: "speak-up",
    title: "Make one small request",
    summary: "Practise asking your partner for one small, clear thing. Notice how the talk goes.",
    minutes: 15,
    steps: [
      "Pick a low-stakes wish, such as choosing the film, or having ten quiet minutes after work.",
      "Find a relaxed moment when neither of you is rushed or tired.",
      'Ask simply and clearly, for example: "I would like to… Would that work for you?"',
      "Listen to the answer, and if it is a no, ask what might work instead.",
      "Thank your partner for hearing you out, whatever the outcome.",
    ],
    reflectionPrompt: "What was it like to ask for something directly? How did your partner respond, and how did you feel afterwards?",
    isJoint: true,
  },
  {
    id: "speak-up-talk-about-a-difference",
    practice: "speak-up",
    title: "Talk through a difference",
    summary: "Take turns sharing your views on something you see in different ways. Each of you listens to understand, not to win.",
    minutes: 30,
    steps: [
      "Agree on one topic where you see things in different ways. Agree on a time to talk about it too.",
      "Let one person speak for about five minutes while the other only listens.",
      "The listener sums up what they heard, and asks if they got it right.",
      "Swap roles and repeat.",
      "End by naming one thing you each understand better now; you do not have to agree.",
    ],
    reflectionPrompt: "What did you learn about your partner's view, and what did it feel like to be listened to?",
    isJoint: true,
  },

  // Supporting each other's passions: room for what each of you loves.
  {
    id: "support-passions-map-what-lights-you-up",
    practice: "support-passions",
    title: "Map what lights you up",
    summary: "Make a short list of the interests, skills and hopes that are yours, including ones you have set aside.",
    minutes: 15,
    steps: [
      "Write down activities that make you lose track of time, now or in the past.",
      "Add anything you have been curious to try but have not yet made room for.",
      "Mark the ones you have done less of since you have been in this relationship.",
      "Choose one to bring back or begin, in a small way, this week.",
    ],
    reflectionPrompt: "Which interest did you choose, and what would it give you to make a little room for it?",
    isJoint: false,
  },
  {
    id: "support-passions-protect-an-hour",
    practice: "support-passions",
    title: "Protect one hour for yourself",
    summary: "Set aside a regular hour for something that is only yours. Keep it as you would keep any other plan.",
    minutes: 60,
    steps: [
      "Pick the interest you want to give time to.",
      "Put one hour for it in your calendar this week, at a time you can really keep.",
      "Let anyone who needs to know that you will be busy then.",
      "Spend the hour on it, without checking messages if you can.",
      "Afterwards, note how you feel compared with before.",
    ],
    reflectionPrompt: "How did that hour feel? What made it easier or harder to keep it for yourself?",
    isJoint: false,
  },
  {
    id: "support-passions-curious-questions",
    practice: "support-passions",
    title: "Ask about your partner's passion",
    summary: "Spend a short while being truly curious about something your partner loves to do.",
    minutes: 20,
    steps: [
      "Choose an interest of your partner's that you know little about.",
      "Ask open questions, such as what first drew them to it, or what a good day of it looks like.",
      "Listen for what it means to them, not only what they do.",
      "Ask if there is one way you could make a little more room for it in your shared week.",
    ],
    reflectionPrompt: "What did you discover about your partner, and how did it feel to back something that is theirs?",
    isJoint: true,
  },
  {
    id: "support-passions-plan-the-week-together",
    practice: "support-passions",
    title: "Plan time apart, together",
    summary: "Sit down with your partner and plan the week so both of you get time for your own interests.",
    minutes: 20,
    steps: [
      "Each write down one thing of your own you would like time for this week.",
      "Look at the week together and find a slot for each, with the chores or care around it covered.",
      "Say what support would help, such as a lift, quiet at home, or simply encouragement.",
      "At the end of the week, check in briefly about how it went for both of you.",
    ],
    reflectionPrompt: "How did it feel to plan time for yourself with your partner's support? Was anything hard to ask for?",
    isJoint: true,
  },

  // Friends and family: keeping the wider circle close.
  {
    id: "friends-family-draw-your-circle",
    practice: "friends-family",
    title: "Draw your circle",
    summary: "Sketch the people around you and notice who you would like to be closer to again.",
    minutes: 10,
    steps: [
      "Write your name in the middle of a page.",
      "Around it, write the names of friends, family and others who matter to you. Put the closest ones nearest the middle.",
      "Put a small mark next to anyone you have seen less of this past year.",
      "Choose one person you would like to reconnect with.",
    ],
    reflectionPrompt: "Who did you choose, and what do you miss about spending time with them?",
    isJoint: false,
  },
  {
    id: "friends-family-reach-out-this-week",
    practice: "friends-family",
    title: "Reach out to one person",
    summary: "Send one message or make one call to someone you care about, just to connect.",
    minutes: 10,
    steps: [
      "Pick someone from your circle you have not been in touch with for a while.",
      "Send a short, warm message, or give them a call. It does not need a reason.",
      "If it feels right, suggest a time to meet or talk again.",
      "Notice how you feel after the contact.",
    ],
    reflectionPrompt: "How did it feel to reach out? What would make it easier to stay in touch?",
    isJoint: false,
  },
  {
    id: "friends-family-a-plan-of-your-own",
    practice: "friends-family",
    title: "Make a plan of your own",
    summary: "Arrange time with a friend or relative on your own, as a regular part of your life.",
    minutes: 30,
    steps: [
      "Choose a friend or relative you enjoy time with.",
      "Agree on something simple to do together, like a walk, a meal or a call.",
      "Put it in your calendar, and think about making it a regular thing.",
      "Go, and let yourself enjoy it without rushing back.",
    ],
    reflectionPrompt: "What did that time give you that you do not get elsewhere?",
    isJoint: false,
  },
  {
    id: "friends-family-talk-about-our-people",
    practice: "friends-family",
    title: "Talk about the people in your lives",
    summary: "With your partner, talk about the friends and family you each want to see more of, and how to make room for them.",
    minutes: 20,
    steps: [
      "Each name two or three people you would like to see more often.",
      "Share what those people mean to you.",
      "Talk about what has been getting in the way, without blaming each other.",
      "Agree on one step each of you will take this month, together or on your own.",
    ],
    reflectionPrompt: "What did you learn about the people who matter to your partner, and what did it feel like to talk about yours?",
    isJoint: true,
  },
];

/** Looks up an exercise by id. */
export function findPracticeExercise(id: string): PracticeExercise | undefined {
  return PRACTICE_EXERCISES.find((exercise) => exercise.id === id);
}
