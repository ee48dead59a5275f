// Support for NATO membership across the Western Balkans in a regional survey (a different question from polls.json) (contract: src/lib/contracts.ts).
import {buildRegionalSupport} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildRegionalSupport);
