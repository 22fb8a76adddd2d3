import { TokenizerBuilder } from "@patdx/kuromoji";
import NodeDictionaryLoader from "@patdx/kuromoji/node";
const tok = await new TokenizerBuilder({ loader: new NodeDictionaryLoader({ dic_path: "node_modules/@patdx/kuromoji/dict" }) }).build();
for (const s of process.argv.slice(2)) {
  for (const x of tok.tokenize(s)) console.log([x.word_position, x.surface_form, x.pos, x.pos_detail_1, x.pos_detail_2, x.pos_detail_3, x.conjugated_form, x.basic_form, x.reading, x.pronunciation].join("\t"));
  console.log("--");
}
