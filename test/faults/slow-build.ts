// A build with one slow edition, for the kill test: prints "rendering" once it is in the middle of the build.
import { buildSite } from "../../src/pipeline/build.ts";
import { allWriting } from "./support.ts";

const root = process.argv[2];
const renderers = allWriting("slow");
renderers.audio = {
  edition: "audio",
  async render(ctx) {
    await ctx.emit({ edition: "audio", kind: "other", slug: "card-pickup" }, "card-pickup/half.txt", "half");
    process.stdout.write("rendering\n");
    await new Promise((r) => setTimeout(r, 60_000));
  },
};
await buildSite({ root, renderers });
