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
