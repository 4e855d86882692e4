/**
 * The part of @webcontainer/api the course uses, as structural types. The
 * real `WebContainer` satisfies them; the unit tests use a fake that does too.
 */

export interface ProcessLike {
  readonly output: ReadableStream<string>;
  readonly input: WritableStream<string>;
  readonly exit: Promise<number>;
  kill(): void;
  resize?(dimensions: { cols: number; rows: number }): void;
}

export interface DirectoryNodeLike {
  directory: FileTreeLike;
}
export interface FileNodeLike {
  file: { contents: string | Uint8Array };
}
export interface FileTreeLike {
  [name: string]: DirectoryNodeLike | FileNodeLike;
}

export interface WebContainerLike {
  mount(tree: FileTreeLike): Promise<void>;
  spawn(command: string, args: string[], options?: { cwd?: string; env?: Record<string, string>; terminal?: { cols: number; rows: number }; output?: boolean }): Promise<ProcessLike>;
  fs: {
    readFile(path: string, encoding: 'utf-8'): Promise<string>;
    writeFile(path: string, contents: string): Promise<void>;
    rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
  };
  on(event: 'server-ready', listener: (port: number, url: string) => void): () => void;
}

/** What the runtime needs from the package: loaded with a dynamic import, so no page pays for it up front. */
export interface WebContainerModule {
  WebContainer: { boot(options?: { coep?: 'require-corp' | 'credentialless' | 'none'; workdirName?: string }): Promise<WebContainerLike> };
  configureAPIKey?(key: string): void;
}
