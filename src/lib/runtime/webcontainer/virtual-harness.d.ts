declare module 'virtual:course-node-harness' {
  /** The Node harness bundle (ES module source), built by vite-plugin.mjs. */
  const code: string;
  export default code;
}
