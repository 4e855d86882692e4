/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** "off" or "false" turns Node.js in the page (WebContainer) off site-wide. Default: on. */
  readonly PUBLIC_WEBCONTAINER?: string;
  /** StackBlitz API key for WebContainer (commercial production hosts need one). Default: none. */
  readonly PUBLIC_WEBCONTAINER_API_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
