/** The current time, as the attempt rules take it (a function, so the session never holds a Date). */
export const currentTime = () => new Date();
