// One object per poll, with lead, period and Wilson interval (contract: loaders/contracts.ts pollSchema).
import {buildPolls} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildPolls);
