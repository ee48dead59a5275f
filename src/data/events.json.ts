// Dated events the pages annotate (contract: loaders/contracts.ts eventSchema).
import {buildEvents} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildEvents);
