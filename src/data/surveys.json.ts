// The surveys other than the national membership polls: what each asked, of whom, when and how (contract: src/lib/contracts.ts).
import {buildSurveys} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildSurveys);
