// A page that answers "not found" by calling notFound() only gets a 404 status when nothing above it has
// streamed yet: a loading.tsx around it (its Suspense boundary) sends 200 first. So a page that looks up
// what its URL names either has no loading.tsx at or above its folder, or its own folder's layout does
// the lookup (a layout sits outside the loading.tsx beside it).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(import.meta.dirname, "../app");

function pages(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? pages(path.join(dir, entry.name)) : entry.name === "page.tsx" ? [path.join(dir, entry.name)] : [],
    );
}

const callsNotFound = (file: string) => fs.existsSync(file) && /\bnotFound\(\)/.test(fs.readFileSync(file, "utf8"));

describe("pages that answer 404", () => {
  it("are not inside a loading boundary that would send 200 first (an unknown stay, key or endpoint is a real 404)", () => {
    const streamed: string[] = [];
    for (const page of pages(APP).filter(callsNotFound)) {
      const folder = path.dirname(page);
      const checkedByLayout = callsNotFound(path.join(folder, "layout.tsx"));
      for (let dir = folder; dir.startsWith(APP); dir = path.dirname(dir)) {
        if (!fs.existsSync(path.join(dir, "loading.tsx"))) continue;
        // The layout beside a loading.tsx renders outside its boundary; one above cannot know the page's row.
        if (!(dir === folder && checkedByLayout)) streamed.push(path.relative(APP, page));
      }
    }
    expect(streamed).toEqual([]);
  });
});
