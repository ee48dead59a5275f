// Every cited source (contract: loaders/contracts.ts sourceSchema).
import {buildSources} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildSources);
