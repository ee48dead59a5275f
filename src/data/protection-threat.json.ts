// Whether NATO is seen as protection or a threat, by country (a different question from membership) (contract: src/lib/contracts.ts).
import {buildProtectionThreat} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildProtectionThreat);
