// The pre/post-invasion analysis at the default settings (contract: loaders/contracts.ts invasionSchema).
import {buildPolls} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";
import {analyseInvasion} from "../lib/invasion.ts";

emitJson((tables) => analyseInvasion(buildPolls(tables)));
