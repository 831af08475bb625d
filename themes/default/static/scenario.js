/* darslik case scenarios (SPEC §8): one step at a time. ES5, no network. */
