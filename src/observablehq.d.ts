// Types for Framework's standard library, which ships none. Only what the pages' modules use.
declare module "observablehq:stdlib" {
  interface AbstractFile {
    name: string;
    href: string;
    url(): Promise<string>;
    json(): Promise<any>;
    text(): Promise<string>;
  }
  export function FileAttachment(name: string): AbstractFile;
}

// Framework's clock for builds (observablehq.config.ts fixes it for reproducible output). Dates every file it reads.
declare module "@observablehq/framework/dist/config.js" {
  export function setCurrentDate(date: Date | null): void;
}
